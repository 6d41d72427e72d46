/**
 * A file to import, read once in the ways the format detectors look at it: bytes, UTF-8 text
 * (when it is text), and JSON (when the text is JSON).
 */
import { ImportError } from './import-error';
import type { ParsedImport } from './imported';

/** No authenticator export is this large; refusing bigger files bounds the work on hostile input. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportSource {
  bytes: Uint8Array;
  text?: string;
  json?: unknown;
}

/** One format: how it is recognised from the content (never the file name), and how it is read. */
export interface Importer {
  /** The app, as the user knows it ("Aegis"). */
  format: string;
  matches(source: ImportSource): boolean;
  parse(source: ImportSource, password?: string): Promise<ParsedImport>;
}

export function readImportSource(bytes: Uint8Array): ImportSource {
  if (bytes.length === 0) throw new ImportError('empty', 'The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportError('not-recognised', 'The file is over 10 MB: no authenticator export is that large.');
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { bytes };
  }
  try {
    return { bytes, text, json: JSON.parse(text) as unknown };
  } catch {
    return { bytes, text };
  }
}

/** The JSON object of a source, if it is one. */
export function jsonObject(source: ImportSource): Record<string, unknown> | undefined {
  const { json } = source;
  return typeof json === 'object' && json !== null && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : undefined;
}

/** Password given, or a `password-required` error naming the format. */
export function requirePassword(password: string | undefined, format: string): string {
  if (!password) throw new ImportError('password-required', `This ${format} export is encrypted: enter its password.`);
  return password;
}

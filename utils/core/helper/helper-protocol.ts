/**
 * The helper: where the background side runs the work only some actions need (issue 19). The
 * service worker is stopped after 30 s idle and reads, compiles and runs its whole script on every
 * wake, so it keeps only what the popup's first answer needs; QR decoding, import parsing, export
 * writing, public-suffix lookups and Argon2id run in a dedicated Worker (`helper-worker.js`),
 * started from Chrome's offscreen document or Firefox's background page, which loads each task's
 * chunk (`helper-<chunk>.js`) on first use. The helper is part of the background side: it holds
 * secrets only while a task runs, stores nothing, and talks only to the background.
 *
 * Everything crossing is JSON-safe (runtime ports serialise as JSON): bytes travel as base64.
 */
import type { Account } from '../otp/account';
import type { ExportEntry } from '../export/aegis-export';
import type { LookAlike } from '../fill/look-alike';
import type { ParsedImport } from '../import/imported';
import type { ImportErrorCode } from '../import/import-error';
import type { SelectedRegion } from '../scan/selected-region';
import { ImportError } from '../import/import-error';
import { ServiceError, type ServiceErrorCode } from '../internal/service-error';

/** Each task's input and output. */
export interface HelperTasks {
  /** Argon2id (RFC 9106) of a passphrase's bytes: the vault's key-encryption key. */
  argon2id: {
    input: {
      password: string;
      salt: string;
      memoryKiB: number;
      iterations: number;
      parallelism: number;
      hashLength: number;
    };
    output: string;
  };
  /** Registrable domains (tldts, public suffix list with private domains) of host names; null: none. */
  registrableDomains: { input: { hosts: string[] }; output: Record<string, string | null> };
  /** The ICANN registrable domain's label of issuers written as domains ("Amazon.co.uk" → "amazon"); null: none. */
  icannLabels: { input: { names: string[] }; output: Record<string, string | null> };
  /** Whether a page's address misuses an unbound account's brand (core/fill/look-alike.ts); null: it does not. */
  lookAlike: { input: { issuer: string; pageUrl: string }; output: LookAlike | null };
  /**
   * Every QR text in a picture (a data: URL), optionally only in a region the user dragged over a
   * screenshot of it (in the page's CSS pixels: the picture's width over the viewport's is the
   * scale, known only once it is decoded). `tiles` and `invert` as findQrCodes takes them.
   */
  qrCodes: {
    input: { image: string; region?: SelectedRegion; tiles?: boolean; invert?: boolean };
    output: string[];
  };
  /** An export file (base64) read into accounts: every format Tessera imports. */
  importFile: { input: { data: string; password?: string }; output: ParsedImport };
  /** The accounts as an encrypted Aegis file. */
  exportAegis: { input: { entries: ExportEntry[]; password: string }; output: string };
  /** The accounts as Google Authenticator transfer URIs. */
  exportGoogle: {
    input: { accounts: Account[]; batchId: number };
    output: { uris: string[]; notMovable: { account: Account; reason: string }[] };
  };
}

export type HelperTask = keyof HelperTasks;
export type TaskInput<T extends HelperTask> = HelperTasks[T]['input'];
export type TaskOutput<T extends HelperTask> = HelperTasks[T]['output'];

/** The chunk script that holds each task: loaded on the task's first use, then kept. */
export const TASK_CHUNKS = {
  argon2id: 'kdf',
  registrableDomains: 'site',
  icannLabels: 'site',
  lookAlike: 'site',
  qrCodes: 'scan',
  importFile: 'import',
  exportAegis: 'export',
  exportGoogle: 'export',
} as const satisfies Record<HelperTask, string>;

export type HelperChunk = (typeof TASK_CHUNKS)[HelperTask];

/** A chunk's tasks, as its script registers them. */
export type ChunkTasks<C extends HelperChunk> = {
  [T in HelperTask as (typeof TASK_CHUNKS)[T] extends C ? T : never]: (input: TaskInput<T>) => Promise<TaskOutput<T>>;
};

export interface HelperRequest {
  id: number;
  task: HelperTask;
  input: unknown;
}

/** An error as it crosses: its class by name, so the background throws what the task threw. */
export interface HelperFailure {
  name: string;
  code?: string;
  message: string;
}

export type HelperReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: HelperFailure };

export function isHelperTask(task: unknown): task is HelperTask {
  return typeof task === 'string' && Object.hasOwn(TASK_CHUNKS, task);
}

/**
 * What a task threw, as it crosses. ServiceError and ImportError keep their codes. Known by name,
 * not instanceof: each chunk script bundles its own copy of these classes, so in the helper's
 * Worker an ImportError from the import chunk is no instance of the Worker script's ImportError.
 */
export function failureOf(error: unknown): HelperFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    error instanceof Error &&
    (error.name === 'ServiceError' || error.name === 'ImportError') &&
    typeof code === 'string'
  )
    return { name: error.name, code, message: error.message };
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** The error to throw in the background for a task's failure. */
export function errorOf(failure: HelperFailure): Error {
  if (failure.name === 'ServiceError') return new ServiceError(failure.code as ServiceErrorCode, failure.message);
  if (failure.name === 'ImportError') return new ImportError(failure.code as ImportErrorCode, failure.message);
  return new Error(failure.message);
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The shared fixtures live in `../shared/fixtures` beside the repository and are never copied
 * into it. `TESSERA_SHARED` points elsewhere when the checkout sits somewhere unusual.
 */
export const SHARED_DIR = process.env.TESSERA_SHARED ?? path.resolve(fileURLToPath(import.meta.url), '../../../shared');

export function fixturePath(relative: string): string {
  return path.join(SHARED_DIR, 'fixtures', relative);
}

export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export interface ExpectedEntry {
  type: 'totp' | 'hotp' | 'steam';
  secret: string;
  algo: 'SHA1' | 'SHA256' | 'SHA512';
  digits: number;
  period?: number;
  counter?: number;
  name: string;
  issuer: string;
  codes_at_unix_time?: Record<string, string>;
  code_at_counter?: string;
}

/** The 8 reference entries of the Aegis importer fixtures, with independently computed codes. */
export function expectedAegisEntries(): ExpectedEntry[] {
  return (JSON.parse(readFixture('aegis-expected-entries.json')) as { entries: ExpectedEntry[] }).entries;
}

/** A fixture's bytes, for the importers (which take bytes, as a picked file gives them). */
export function readFixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(relative)));
}

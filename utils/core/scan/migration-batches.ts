/**
 * Gathers the QR codes of Google Authenticator exports into whole imports. An export of many
 * accounts is shown as several codes with one batch id, each saying "part i of n"; the user scans
 * them one after another (or all at once from one page) and is told "2 of 3 scanned".
 */
import type { Account } from '../otp/account';
import type { MigrationPart } from './otpauth-migration';

export interface BatchProgress {
  id: number;
  size: number;
  /** Distinct parts seen so far. */
  scanned: number;
  complete: boolean;
}

export interface GatheredExport {
  /** Accounts of every part seen, in batch then part order; a part scanned twice counts once. */
  accounts: Account[];
  /**
   * A key for each account, beside it: its export's batch id, its part's index and its place in
   * that part. A part once seen is kept, so the key names the same account however many parts follow.
   */
  keys: string[];
  skipped: MigrationPart['skipped'];
  batches: BatchProgress[];
}

export function gatherMigrationParts(parts: readonly MigrationPart[]): GatheredExport {
  const byBatch = new Map<number, Map<number, MigrationPart>>();
  for (const part of parts) {
    const seen = byBatch.get(part.batch.id) ?? new Map<number, MigrationPart>();
    if (!seen.has(part.batch.index)) seen.set(part.batch.index, part);
    byBatch.set(part.batch.id, seen);
  }
  const gathered: GatheredExport = { accounts: [], keys: [], skipped: [], batches: [] };
  for (const [id, seen] of byBatch) {
    const ordered = [...seen.values()].sort((a, b) => a.batch.index - b.batch.index);
    const size = Math.max(...ordered.map((part) => part.batch.size));
    for (const part of ordered) {
      gathered.accounts.push(...part.accounts);
      gathered.keys.push(...part.accounts.map((_, i) => `export.${id}.${part.batch.index}.${i}`));
      gathered.skipped.push(...part.skipped);
    }
    gathered.batches.push({ id, size, scanned: seen.size, complete: seen.size >= size });
  }
  return gathered;
}

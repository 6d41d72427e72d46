/** Accounts and areas for the sync tests (test helper, not shipped). */
import type { VaultContents, VaultEntry } from '../vault/vault-contents';
import type { Stamp, SyncArea } from './sync-types';

export const SECRET = 'JBSWY3DPEHPK3PXP';

export function totpEntry(id: string, issuer = id, extra: Partial<VaultEntry> = {}): VaultEntry {
  return {
    id,
    account: {
      type: 'totp',
      issuer,
      label: `${id}@example.com`,
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    },
    addedAt: 1_700_000_000_000,
    ...extra,
  };
}

export function hotpEntry(id: string, counter: number): VaultEntry {
  return {
    id,
    account: { type: 'hotp', issuer: id, label: '', secret: SECRET, algorithm: 'SHA1', digits: 6, counter },
    addedAt: 1_700_000_000_000,
  };
}

export function contents(...entries: VaultEntry[]): VaultContents {
  return { version: 1, entries };
}

export function stamp(t: number, d = 'A', c = 0): Stamp {
  return { t, c, d };
}

export function area(device: string, records: SyncArea['records'], label = device): SyncArea {
  return { device, label, at: 1_700_000_001_000, records };
}

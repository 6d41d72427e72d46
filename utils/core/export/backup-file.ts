/**
 * Tessera's backup file: the vault's own envelope (utils/core/vault/vault-crypto.ts: Argon2id-wrapped
 * key, AES-256-GCM contents with sites, pins, tags and order) inside a small JSON wrapper that
 * says what it is. Every backup has a data key of its own, never the vault's: under the vault's
 * passphrase it is wrapped with the passphrase key derived at unlock (utils/vault/vault-store.ts),
 * under a passphrase of its own it is wrapped by that.
 */
import { fromBase64, toBase64 } from '../internal/bytes';
import { ImportError } from '../import/import-error';

export const BACKUP_FORMAT = 'tessera-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601, for the user's eyes; the encrypted contents are what count. */
  createdAt: string;
  /** How many accounts it holds, so a restore can say so before the password is typed. */
  accounts: number;
  /** The vault bytes, base64. */
  vault: string;
}

export function encodeBackupFile(blob: Uint8Array, accounts: number, createdAt: Date): string {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: createdAt.toISOString(),
    accounts,
    vault: toBase64(blob),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function isBackupFile(json: unknown): json is BackupFile {
  return typeof json === 'object' && json !== null && (json as Partial<BackupFile>).format === BACKUP_FORMAT;
}

/** The vault bytes of a backup file. */
export function backupVaultBytes(file: BackupFile): Uint8Array<ArrayBuffer> {
  if (file.version !== BACKUP_VERSION)
    throw new ImportError(
      'not-recognised',
      `This Tessera backup is version ${file.version}; update Tessera to restore it.`,
    );
  return fromBase64(
    file.vault,
    () => new ImportError('malformed', 'This Tessera backup is damaged: its vault is not base64.'),
  );
}

/** "tessera-backup-2026-11-24.json" */
export function backupFileName(createdAt: Date): string {
  return `tessera-backup-${createdAt.toISOString().slice(0, 10)}.json`;
}

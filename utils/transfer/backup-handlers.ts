/**
 * Tessera backups: `backup.create` seals the vault's contents into a backup file (under the
 * vault's passphrase, or one of its own) and remembers when; `backup.status` says when the last
 * one was made and whether to remind. Restoring is an import (utils/core/import/tessera-backup.ts).
 * `backup.auto` turns automatic backups on or off, `backup.restore` reads one of them like an
 * import (utils/transfer/auto-backup.ts).
 */
import { defineItem } from '../background/stored-item';
import { backupFileName, encodeBackupFile } from '../core/export/backup-file';
import { backupReminder, type LastBackup } from '../core/export/backup-reminder';
import { isLongEnough, MIN_PASSPHRASE_LENGTH } from '../core/vault/passphrase-strength';
import { ServiceError } from '../core/internal/service-error';
import type { Handlers } from '../messaging/message-router';
import { requireKey, sessionBackupKey, type BackupKey } from '../vault/session-key';
import { requireFreshAuth } from '../vault/reauth';
import { optionalField, text } from '../messaging/message-router';
import type { VaultStore } from '../vault/vault-store';
import { utf8 } from '../core/internal/bytes';
import { importFile } from '../core/import/import-file';
import type { PreviewService } from '../preview/preview-service';
import { lockEpoch } from '../vault/lock-epoch';
import type { AutoBackup } from './auto-backup';

/** When the last backup was made (not secret; kept across sessions). */
export const lastBackupItem = defineItem<LastBackup>('local:lastBackup');

/**
 * The key backups under the vault's passphrase get (never the vault's own data key): kept at
 * unlock; a session from before that needs the passphrase once.
 */
async function ownKey(key: Uint8Array<ArrayBuffer>, payload: unknown, store: VaultStore): Promise<BackupKey> {
  const kept = await sessionBackupKey();
  if (kept) return kept;
  const passphrase = optionalField<string>(payload, 'vaultPassphrase', 'string');
  if (!passphrase) throw new ServiceError('reauth-required', 'Type the vault passphrase to make a backup under it.');
  return store.backupKeyFor(key, passphrase);
}

/** Automatic backups and where their restores go; absent, `backup.auto` and `backup.restore` refuse. */
export interface AutoBackupParts {
  auto: AutoBackup;
  previews: PreviewService;
}

export function backupHandlers(
  store: VaultStore,
  now = Date.now,
  automatic?: AutoBackupParts,
): Pick<Handlers, 'backup.create' | 'backup.status' | 'backup.auto' | 'backup.restore'> {
  const parts = (): AutoBackupParts => {
    if (!automatic) throw new ServiceError('invalid-input', 'Automatic backups are not available here.');
    return automatic;
  };
  return {
    'backup.create': {
      from: 'extension',
      handle: async (payload) => {
        const passphrase = (payload as { passphrase?: unknown } | undefined)?.passphrase;
        // A passphrase of its own follows the vault's rule.
        if (passphrase !== undefined && (typeof passphrase !== 'string' || !isLongEnough(passphrase))) {
          throw new ServiceError(
            'weak-passphrase',
            `A backup passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters ` +
              "(or leave it empty to use the vault's).",
          );
        }
        // Under a passphrase of its own, secrets leave the vault's protection: re-authenticate.
        const key = passphrase === undefined ? await requireKey() : await requireFreshAuth(store, payload, now);
        const { blob, contents } = await store.backup(key, passphrase ?? (await ownKey(key, payload, store)));
        const at = new Date(now());
        await lastBackupItem.setValue({ at: at.getTime() });
        return {
          fileName: backupFileName(at),
          text: encodeBackupFile(blob, contents.entries.length, at),
          accounts: contents.entries.length,
        };
      },
    },
    'backup.status': {
      from: 'extension',
      handle: async () => {
        const { contents } = await store.read(await requireKey());
        const last = await lastBackupItem.getValue();
        const reminder = backupReminder(last, contents.entries, now());
        return {
          ...(last ? { lastAt: last.at } : {}),
          ...(reminder ? { reminder } : {}),
          ...(automatic ? { auto: await automatic.auto.list() } : {}),
        };
      },
    },
    'backup.auto': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey();
        const on = optionalField<boolean>(payload, 'on', 'boolean');
        if (on === undefined) throw new ServiceError('invalid-input', 'on must be true or false.');
        return parts().auto.setOn(on);
      },
    },
    'backup.restore': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey(); // locked: unlock first, nothing is read
        const since = lockEpoch();
        const { auto, previews } = parts();
        const file = await auto.text(text(payload, 'id'));
        const password = optionalField<string>(payload, 'password', 'string');
        return previews.addImport(await importFile(utf8(file), password || undefined), since);
      },
    },
  };
}

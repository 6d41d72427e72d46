/**
 * Restores Tessera's own backup files (utils/core/export/backup-file.ts): the password opens the vault
 * envelope, and every account comes back with its sites, pin and tags, in the backup's order.
 */
import { backupVaultBytes, isBackupFile } from '../export/backup-file';
import { ImportError } from './import-error';
import { validateAccount } from '../otp/validate-account';
import { decodeContents } from '../vault/vault-contents';
import { openVault, unwrapDataKey } from '../vault/vault-crypto';
import { KdfLimitError } from '../vault/vault-format';
import { ServiceError } from '../internal/service-error';
import { collectAccounts, entryName } from './imported';
import { requirePassword, type Importer } from './import-source';

const FORMAT = 'Tessera backup';

async function open(bytes: Uint8Array<ArrayBuffer>, password: string) {
  try {
    const key = await unwrapDataKey(bytes, password);
    return decodeContents((await openVault(bytes, key)).plaintext);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    // Checked before Argon2id runs, so a crafted backup is refused at once (issue 15).
    if (error instanceof KdfLimitError)
      throw new ImportError('malformed', `This Tessera backup is refused: ${error.message}`);
    if (error.code === 'wrong-passphrase')
      throw new ImportError(
        'wrong-password',
        'Wrong password for this Tessera backup. It is the passphrase the vault had when the backup was made, ' +
          'unless you gave the backup its own.',
      );
    if (error.code === 'unsupported-version')
      throw new ImportError('not-recognised', error.message.replace('This vault holds', 'This backup holds'));
    throw new ImportError('malformed', 'This Tessera backup is damaged: it cannot be decrypted.');
  }
}

export const tesseraBackup: Importer = {
  format: FORMAT,
  matches: (source) => isBackupFile(source.json),
  async parse(source, password) {
    if (!isBackupFile(source.json)) throw new ImportError('not-recognised', 'This is not a Tessera backup.');
    const contents = await open(backupVaultBytes(source.json), requirePassword(password, FORMAT));
    return collectAccounts(
      FORMAT,
      contents.entries,
      (entry) => ({
        account: validateAccount(entry.account),
        tags: entry.tags ?? [],
        sites: entry.sites ?? [],
        pinned: entry.pinned === true,
      }),
      (entry) => entryName(entry.account?.issuer, entry.account?.label),
    );
  },
};

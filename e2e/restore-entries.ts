/**
 * Puts accounts with sites and tags into a test vault the way a user can: as a Tessera backup
 * (utils/core/export/backup-file.ts) restored through `import.file` and `preview.confirm`. The
 * backup is made here in Node with the cheapest Argon2id cost the vault format accepts, so it
 * opens at once in the browser too.
 */
import '../tests/setup-argon2id';
import type { Page } from 'playwright-core';
import { encodeBackupFile } from '../utils/core/export/backup-file';
import type { VaultEntry } from '../utils/core/vault/vault-contents';
import { encodeContents } from '../utils/core/vault/vault-contents';
import { newDataKey, newKdfParams, sealVault, wrapDataKey } from '../utils/core/vault/vault-crypto';
import { sendFromPage } from './harness';

const PASSWORD = 'restore-entries password';

/** Restores `entries` (their sites, tags and pins) into the unlocked vault of `page`'s extension. */
export async function restoreEntries(page: Page, entries: Omit<VaultEntry, 'addedAt'>[]): Promise<void> {
  const dataKey = newDataKey();
  const kdf = newKdfParams({ memoryKiB: 8, iterations: 1, parallelism: 1 });
  const contents = { version: 1, entries: entries.map((entry) => ({ ...entry, addedAt: Date.now() })) };
  const blob = await sealVault(encodeContents(contents), dataKey, await wrapDataKey(dataKey, PASSWORD, kdf), 1);
  const text = encodeBackupFile(blob, entries.length, new Date());
  const data = Buffer.from(text).toString('base64');
  const preview = await sendFromPage(page, 'import.file', { data, password: PASSWORD });
  if (!preview.ok) throw new Error(`import.file failed: ${preview.error?.message}`);
  const { nonce, accounts } = preview.value as { nonce: string; accounts: { key: string }[] };
  const choices = accounts.map(({ key }) => ({ key, action: 'add' }));
  const confirmed = await sendFromPage(page, 'preview.confirm', { nonce, choices });
  if (!confirmed.ok) throw new Error(`preview.confirm failed: ${confirmed.error?.message}`);
}

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { inProcessHelper } from '../../tests/in-process-helper';
import { fromBase64, toBase64, utf8 } from '../core/internal/bytes';
import { importFile } from '../core/import/import-file';
import { backupHandlers } from './backup-handlers';
import { importHandlers } from './import-handlers';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { previewHandlers } from '../preview/preview-handlers';
import { createPreviewService } from '../preview/preview-service';
import { requireKey } from '../vault/session-key';
import { sessionKeyItem, vaultItem } from '../vault/vault-items';
import { backupVaultBytes, type BackupFile } from '../core/export/backup-file';
import { openVault, unwrapDataKey } from '../core/vault/vault-crypto';

const START = Date.UTC(2026, 10, 24, 12);
/** The clock the services read; a test moves it, and each test starts from START. */
let clock = START;
beforeEach(() => {
  fakeBrowser.reset();
  clock = START;
});

const options = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

async function setup() {
  const parts = testVault({ now: () => clock });
  await parts.vault.create(PASSPHRASE);
  const scan = createPreviewService({ accounts: parts.accounts });
  const route = createMessageRouter({
    ...backupHandlers(parts.store, () => clock),
    ...importHandlers(scan, inProcessHelper),
    ...previewHandlers(scan),
  } as unknown as Handlers);
  const ids: string[] = [];
  for (const n of [1, 2, 3])
    ids.push(
      await parts.accounts.add({
        account: sampleAccount(n, { secret: ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK'][n - 1]! }),
      }),
    );
  await parts.accounts.bindSite(ids[1]!, 'github.com');
  await parts.accounts.edit(ids[2]!, {}, true);
  return { ...parts, route, ids };
}

type Created = { ok: true; value: { fileName: string; text: string; accounts: number } };

describe('backups', () => {
  it("restores everything (order, pins, sites) under the vault's passphrase", async () => {
    const { route, store } = await setup();
    const created = (await route({ type: 'backup.create' }, options())) as Created;
    expect(created.value).toMatchObject({ fileName: 'tessera-backup-2026-11-24.json', accounts: 3 });
    expect(created.value.text).not.toContain('JBSWY3DP');
    const parsed = await importFile(utf8(created.value.text), PASSPHRASE);
    expect(parsed.format).toBe('Tessera backup');
    const original = (await store.read(await requireKey())).contents.entries;
    expect(parsed.accounts.map((item) => item.account)).toEqual(original.map((entry) => entry.account));
    expect(parsed.accounts.map((item) => [item.sites, item.pinned ?? false])).toEqual([
      [[], false],
      [['github.com'], false],
      [[], true],
    ]);

    // Into a new vault (another browser): the same accounts, pins and sites, through the preview.
    fakeBrowser.reset();
    const fresh = await setup();
    await fresh.vault.reset('DELETE');
    await fresh.vault.create(PASSPHRASE);
    const preview = (await fresh.route(
      { type: 'import.file', payload: { data: toBase64(utf8(created.value.text)), password: PASSPHRASE } },
      options(),
    )) as { ok: true; value: { nonce: string; accounts: { key: string }[] } };
    expect(preview.value.accounts).toHaveLength(3);
    await fresh.route(
      {
        type: 'preview.confirm',
        payload: {
          nonce: preview.value.nonce,
          choices: preview.value.accounts.map(({ key }) => ({ key, action: 'add' })),
        },
      },
      options(),
    );
    const restored = (await fresh.store.read(await requireKey())).contents.entries;
    expect(restored.map((entry) => [entry.account.secret, entry.sites ?? [], entry.pinned === true])).toEqual(
      original.map((entry) => [entry.account.secret, entry.sites ?? [], entry.pinned === true]),
    );
  });

  it("gives a backup under the vault's passphrase its own data key; after a passphrase change it opens nothing new", async () => {
    const { route, vault } = await setup();
    const created = (await route({ type: 'backup.create' }, options())) as Created;
    const bytes = backupVaultBytes(JSON.parse(created.value.text) as BackupFile);
    const backupKey = await unwrapDataKey(bytes, PASSPHRASE);
    expect(backupKey).not.toEqual(await requireKey());
    await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    const current = fromBase64((await vaultItem.getValue())!);
    await expect(openVault(current, backupKey)).rejects.toMatchObject({ code: 'vault-damaged' });
    await expect(unwrapDataKey(current, PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    // The old backup still restores what it held, with the passphrase it was made under.
    expect((await importFile(utf8(created.value.text), PASSPHRASE)).accounts).toHaveLength(3);
    // A backup made now opens with the new passphrase, and again not with the vault's key.
    const after = (await route({ type: 'backup.create' }, options())) as Created;
    expect((await importFile(utf8(after.value.text), 'a brand new passphrase')).accounts).toHaveLength(3);
    await expect(importFile(utf8(after.value.text), PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it("asks a session from before backup keys for the vault's passphrase once, and never uses the vault's key", async () => {
    const { route } = await setup();
    const key = await requireKey();
    await sessionKeyItem.setValue(toBase64(key)); // a plain key, as sessions stored it before
    expect(await route({ type: 'backup.create' }, options())).toMatchObject({
      ok: false,
      error: { code: 'reauth-required' },
    });
    const created = (await route(
      { type: 'backup.create', payload: { vaultPassphrase: PASSPHRASE } },
      options(),
    )) as Created;
    const bytes = backupVaultBytes(JSON.parse(created.value.text) as BackupFile);
    expect(await unwrapDataKey(bytes, PASSPHRASE)).not.toEqual(key);
    expect((await importFile(utf8(created.value.text), PASSPHRASE)).accounts).toHaveLength(3);
  });

  it('asks for the vault passphrase for a backup under a passphrase of its own, over a minute after unlocking', async () => {
    const { route } = await setup();
    clock += 60_001;
    const own = { passphrase: 'a backup of its own' };
    expect(await route({ type: 'backup.create', payload: own }, options())).toMatchObject({
      ok: false,
      error: { code: 'reauth-required' },
    });
    expect(
      await route({ type: 'backup.create', payload: { ...own, vaultPassphrase: 'wrong passphrase' } }, options()),
    ).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(
      await route({ type: 'backup.create', payload: { ...own, vaultPassphrase: PASSPHRASE } }, options()),
    ).toMatchObject({ ok: true });
    // Under the vault's own passphrase nothing leaves its protection: no question.
    clock += 60_001;
    expect(await route({ type: 'backup.create' }, options())).toMatchObject({ ok: true });
  });

  it('takes a passphrase of its own, and refuses a short one', async () => {
    const { route } = await setup();
    expect(await route({ type: 'backup.create', payload: { passphrase: 'short' } }, options())).toMatchObject({
      ok: false,
      error: { code: 'weak-passphrase' },
    });
    const created = (await route(
      { type: 'backup.create', payload: { passphrase: 'a backup of its own' } },
      options(),
    )) as Created;
    await expect(importFile(utf8(created.value.text), PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-password' });
    expect((await importFile(utf8(created.value.text), 'a backup of its own')).accounts).toHaveLength(3);
  });

  it('reminds when never made, when accounts were added since, and after 30 days', async () => {
    const { route, accounts } = await setup();
    expect(await route({ type: 'backup.status' }, options())).toEqual({ ok: true, value: { reminder: 'never' } });
    const made = clock;
    await route({ type: 'backup.create' }, options());
    expect(await route({ type: 'backup.status' }, options())).toEqual({ ok: true, value: { lastAt: made } });
    clock += 60_000;
    await accounts.add({ account: sampleAccount(9) });
    expect(await route({ type: 'backup.status' }, options())).toEqual({
      ok: true,
      value: { lastAt: made, reminder: 'new-accounts' },
    });
    await route({ type: 'backup.create' }, options());
    clock += 31 * 24 * 60 * 60 * 1000;
    expect(await route({ type: 'backup.status' }, options())).toMatchObject({ ok: true, value: { reminder: 'old' } });
  });
});

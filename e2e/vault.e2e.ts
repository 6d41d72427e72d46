/**
 * The vault in real Chromium: first run, the key surviving a stopped worker but not a browser
 * restart, unlock, lock, and nothing readable in storage.local.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../utils/core/otp/otpauth-uri';
import { backupVaultBytes, type BackupFile } from '../utils/core/export/backup-file';
import { fromBase64 } from '../utils/core/internal/bytes';
import { openVault, unwrapDataKey } from '../utils/core/vault/vault-crypto';
import { expectCode } from './expect-code';
import { launchTessera, openPopup, sendFromPage, stopServiceWorker, type Tessera, unlock } from './harness';

const PASSPHRASE = 'tessera e2e passphrase';
const NEW_PASSPHRASE = 'a new e2e passphrase';
const URI =
  'otpauth://totp/Hidden%20Bank:e2e-user@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Hidden%20Bank';
const ACCOUNT = parseOtpauthUri(URI);

let profile: string;
let tessera: Tessera;

beforeAll(async () => {
  profile = await mkdtemp(path.join(os.tmpdir(), 'tessera-vault-'));
  tessera = await launchTessera({ userDataDir: profile });
});
afterAll(async () => {
  await tessera?.close();
  await rm(profile, { recursive: true, force: true });
});

describe('the vault in Chromium', () => {
  it('asks for a new passphrase twice on first run and refuses a short or mismatched one', async () => {
    const page = await openPopup(tessera);
    await page.getByRole('form', { name: 'Protect your codes' }).waitFor();
    const [first, second] = [page.getByLabel('New passphrase'), page.getByLabel('Repeat passphrase')];
    await first.fill('short');
    await expect.poll(() => page.getByText('Use at least 8 characters.').count()).toBeGreaterThan(0);
    await second.fill('short');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Use at least 8 characters.');
    await first.fill(PASSPHRASE);
    await second.fill(`${PASSPHRASE}!`);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The two passphrases are not the same.');
    await second.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    await page.close();
  });

  it('adds an account through the message API and shows its code', async () => {
    const page = await openPopup(tessera);
    expect(await sendFromPage(page, 'accounts.add', { uri: URI })).toMatchObject({ ok: true });
    await page.reload();
    await expectCode(page, ACCOUNT);
    await page.close();
  });

  it('stays unlocked when the service worker is stopped', async () => {
    const page = await openPopup(tessera);
    // The in-memory state goes with the worker; only storage.session still holds the key.
    await tessera.worker.evaluate(() => ((globalThis as unknown as { beforeStop: boolean }).beforeStop = true));
    await stopServiceWorker(tessera, page);
    await page.reload();
    await expectCode(page, ACCOUNT);
    const restarted = tessera.context.serviceWorkers().find((worker) => worker.url().includes(tessera.extensionId))!;
    expect(
      await restarted.evaluate(() => (globalThis as unknown as { beforeStop?: boolean }).beforeStop),
    ).toBeUndefined();
    await page.close();
  });

  it('stores nothing readable in storage.local', async () => {
    const page = await openPopup(tessera);
    const raw = await page.evaluate(async () =>
      JSON.stringify(
        await (
          globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<unknown> } } } }
        ).chrome.storage.local.get(null),
      ),
    );
    expect(raw).toContain('"vault"');
    for (const needle of ['GEZDGNBV', 'Hidden Bank', 'Hidden%20Bank', 'e2e-user', PASSPHRASE])
      expect(raw).not.toContain(needle);
    await page.close();
  });

  it('is locked after the browser restarts, and the account is back after unlocking', async () => {
    await tessera.close();
    tessera = await launchTessera({ userDataDir: profile });
    const page = await openPopup(tessera);
    const form = page.getByRole('form', { name: 'Tessera is locked' });
    await form.waitFor();
    await page.getByLabel('Passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('That passphrase is not right.');
    await unlock(page, PASSPHRASE);
    await expectCode(page, ACCOUNT);
    await page.close();
  });

  it('passphrase change then old backup + old passphrase fails to open the vault', async () => {
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    const backup = JSON.parse(await readFile(await download.path(), 'utf8')) as BackupFile;
    await options.close();

    const page = await openPopup(tessera);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Current passphrase').fill(PASSPHRASE);
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByLabel('Repeat new passphrase').fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('Passphrase changed.').waitFor();
    const stored = await page.evaluate(async () => {
      type Local = { get(key: string): Promise<Record<string, string>> };
      return (
        await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get('vault')
      ).vault!;
    });
    const vault = fromBase64(stored);
    // The old backup and the old passphrase give a key that opens nothing written since.
    const oldKey = await unwrapDataKey(backupVaultBytes(backup), PASSPHRASE);
    await expect(openVault(vault, oldKey)).rejects.toMatchObject({ code: 'vault-damaged' });
    await expect(unwrapDataKey(vault, PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await page.close();
  });

  it('locks with "Lock now", and an open options page follows at once', async () => {
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Back up', exact: true }).waitFor();
    const page = await openPopup(tessera);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('form', { name: 'Tessera is locked' }).waitFor();
    await options.getByRole('form', { name: 'Tessera is locked' }).waitFor();
    expect(await options.getByRole('heading', { name: 'Back up', exact: true }).count()).toBe(0);
    await options.close();
    expect(await sendFromPage(page, 'accounts.list')).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Tessera is locked.' },
    });
    await page.close();
  });
  it('answers other messages while it checks a passphrase (Argon2id runs in the helper, off its thread)', async () => {
    const page = await openPopup(tessera);
    await sendFromPage(page, 'vault.lock');
    // A string, not a function: tsx would wrap a named inner function in a __name() the page lacks.
    const { status, waited, unlockLeft, unlocked } = (await page.evaluate(`(async () => {
      const send = (message) => chrome.runtime.sendMessage(message);
      const unlock = send({ type: 'vault.unlock', payload: { passphrase: ${JSON.stringify(NEW_PASSPHRASE)} } });
      await new Promise((resolve) => setTimeout(resolve, 30));
      const sent = performance.now();
      const status = (await send({ type: 'vault.status' })).value?.state;
      const answered = performance.now();
      const unlocked = (await unlock).value?.state;
      return { status, waited: answered - sent, unlockLeft: performance.now() - answered, unlocked };
    })()`)) as { status: string; waited: number; unlockLeft: number; unlocked: string };
    expect([status, unlocked]).toEqual(['locked', 'unlocked']);
    // Answered at once, while most of the unlock was still to come. With Argon2id on the worker's
    // thread, the status waited for it, and the unlock had almost nothing left after.
    expect(waited * 3, `status waited ${waited} ms, then the unlock took ${unlockLeft} ms more`).toBeLessThan(
      unlockLeft,
    );
    await page.close();
  });
});

/**
 * Automatic backups (issue 17) in Chromium, into the test profile's own downloads folder (its
 * Preferences name it before launch; CDP's Browser.setDownloadBehavior then gives downloads back
 * to the browser's own handling, since Playwright's, like any CDP download path, drops the file
 * name an extension asks for): turned on from the options page, the first backup file
 * appears in Tessera/; after a change, another; with N = 2 (seeded in the worker's state) the
 * oldest file goes; after the vault is erased and made anew, the newest one, restored from the
 * options page's list through the import preview, brings back the accounts in their order, with
 * their pins and sites. Time is not waited for: the test moves the state's dates back a day and
 * fires the worker's alarm, as a day passing would.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../utils/core/accounts/account-view';
import { axeViolations } from './axe';
import { E2E_PASSPHRASE, launchWithVault, sendFromPage, type Tessera } from './harness';
import { restoreEntries } from './restore-entries';

const account = (issuer: string, secret: string) =>
  ({ type: 'totp', issuer, label: 'me', secret, algorithm: 'SHA1', digits: 6, period: 30 }) as const;

let tessera: Tessera;
let popup: Page;
let downloads: string;
let profile: string;
/** The files the first test saw written, in order. */
const written: string[] = [];

/** The worker's chrome.storage.local and chrome.alarms, inside worker.evaluate. */
type WorkerChrome = {
  chrome: {
    storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
    alarms: { create(name: string, info: object): Promise<void> };
  };
};

/** The automatic backup state the worker keeps (utils/core/export/auto-backup-plan.ts). */
type State = { on: boolean; keep: number; changedAt?: number; backups: { at: number; accounts: number }[] };

const state = () =>
  tessera.worker.evaluate(
    async () => (await (globalThis as unknown as WorkerChrome).chrome.storage.local.get('autoBackup')).autoBackup,
  ) as Promise<State | undefined>;

/**
 * A change was noted (the worker watches the stored vault); then a day passes: every date in the
 * state moves back by a day and two minutes, and the worker's alarm fires now.
 */
async function dayPasses(): Promise<void> {
  await expect.poll(async () => (await state())?.changedAt).toBeDefined();
  await tessera.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as WorkerChrome;
    const shift = 24 * 60 * 60 * 1000 + 2 * 60 * 1000;
    const { autoBackup } = (await chrome.storage.local.get('autoBackup')) as { autoBackup: State };
    await chrome.storage.local.set({
      autoBackup: {
        ...autoBackup,
        changedAt: autoBackup.changedAt! - shift,
        backups: autoBackup.backups.map((backup) => ({ ...backup, at: backup.at - shift })),
      },
    });
    await chrome.alarms.create('tessera-auto-backup', { when: Date.now() });
  });
}

/** The files in Downloads/Tessera/, sorted. */
async function files(): Promise<string[]> {
  const folder = path.join(downloads, 'Tessera');
  return existsSync(folder) ? (await readdir(folder)).sort() : [];
}

async function accounts(page: Page) {
  const listed = await sendFromPage(page, 'accounts.list');
  return (listed.value as AccountView[]).map(({ issuer, pinned, sites }) => ({ issuer, pinned, sites }));
}

async function openOptions(): Promise<Page> {
  const options = await tessera.context.newPage();
  await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Back up', exact: true }).waitFor();
  return options;
}

beforeAll(async () => {
  downloads = await mkdtemp(path.join(os.tmpdir(), 'tessera-downloads-'));
  profile = await mkdtemp(path.join(os.tmpdir(), 'tessera-e2e-'));
  await mkdir(path.join(profile, 'Default'));
  await writeFile(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }),
  );
  ({ tessera, popup } = await launchWithVault({ userDataDir: profile }));
  const cdp = await tessera.context.newCDPSession(popup);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await restoreEntries(popup, [
    { id: 'g', account: account('Gamma', 'GEZDGNBVGY3TQOJQ'), sites: ['https://login.gamma.example'] },
    { id: 'a', account: account('Alpha', 'JBSWY3DPEHPK3PXP') },
    { id: 'b', account: account('Beta', 'MFRGGZDFMZTWQ2LK'), pinned: true, sites: ['beta.example'] },
  ]);
  // Keep two, so the third backup removes the first.
  await tessera.worker.evaluate(() =>
    (globalThis as unknown as WorkerChrome).chrome.storage.local.set({
      autoBackup: { on: false, keep: 2, backups: [] },
    }),
  );
}, 60_000);

afterAll(async () => {
  await tessera?.close();
  for (const folder of [downloads, profile]) if (folder) await rm(folder, { recursive: true, force: true });
});

describe('automatic backups', () => {
  it('write a backup file to Downloads/Tessera when turned on, and another after a change', async () => {
    const options = await openOptions();
    await options.getByRole('checkbox', { name: 'Back up automatically' }).check();
    await expect.poll(files).toHaveLength(1);
    const [first] = await files();
    written.push(first!);
    expect(first).toMatch(/^tessera-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile(path.join(downloads, 'Tessera', first!), 'utf8')) as object;
    expect(file).toMatchObject({ format: 'tessera-backup', accounts: 3 });
    expect(JSON.stringify(file)).not.toContain('JBSWY3DP');
    const list = options.getByRole('region', { name: 'Automatic backups' });
    await list.getByText(': 3 accounts').waitFor();
    await list.getByText('to your Downloads folder, in Tessera', { exact: false }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    // The reminder counts it.
    await options.getByText('Last backup:', { exact: false }).waitFor();

    // A change, a day later: another file (the same date: the browser numbers it).
    await sendFromPage(popup, 'accounts.add', { account: account('Delta', 'KRUGS4ZANFZSAYJA') });
    await dayPasses();
    await expect.poll(files).toHaveLength(2);
    const second = (await files()).find((name) => name !== first)!;
    written.push(second);
    expect(second).toBe(first!.replace(/\.json$/, ' (1).json'));
    await options.close();
  });

  it('keep the newest N (here 2): the oldest file goes', async () => {
    const [first, second] = written;
    const removed = await sendFromPage(popup, 'accounts.list');
    const delta = (removed.value as AccountView[]).find((view) => view.issuer === 'Delta')!;
    await sendFromPage(popup, 'accounts.remove', { id: delta.id });
    await dayPasses();
    await expect.poll(async () => (await state())?.backups.length).toBe(2);
    // The third file is written, the first removed: two stay, the second among them.
    await expect
      .poll(async () => {
        const now = await files();
        return (
          now.length === 2 &&
          !now.includes(first!) &&
          now.includes(second!) &&
          now.every((name) => name.endsWith('.json'))
        );
      })
      .toBe(true);
    expect((await state())!.backups.map((backup) => backup.accounts)).toEqual([4, 3]);
  });

  it('restore the newest through the import preview after every account is deleted: order, pins and sites', async () => {
    const original = await accounts(popup);
    expect(original.map((view) => view.issuer)).toEqual(['Beta', 'Gamma', 'Alpha']);
    const options = await openOptions();
    // Off first: the next vault's changes write nothing over these.
    await options.getByRole('checkbox', { name: 'Back up automatically' }).uncheck();
    await expect.poll(async () => (await state())?.on).toBe(false);
    await options.close();
    // (Erasing the vault would erase the kept copies too: Tessera forgets them with the vault.)
    const listed = (await sendFromPage(popup, 'accounts.list')).value as AccountView[];
    for (const { id } of listed) expect((await sendFromPage(popup, 'accounts.remove', { id })).ok).toBe(true);
    expect(await accounts(popup)).toEqual([]);

    const restoring = await openOptions();
    const list = restoring.getByRole('region', { name: 'Automatic backups' });
    await list
      .getByRole('button', { name: /^Restore the backup of / })
      .first()
      .click();
    await list.getByLabel('Vault passphrase when it was made').fill(E2E_PASSPHRASE);
    await list.getByRole('button', { name: 'Read the backup' }).click();
    await restoring.getByRole('heading', { name: 'Found 3 accounts' }).waitFor();
    await restoring.getByText('From Tessera backup').waitFor();
    await restoring.getByRole('button', { name: 'Add 3 accounts' }).click();
    await restoring.getByText('Imported 3 accounts', { exact: false }).waitFor();
    expect(await accounts(popup)).toEqual(original);
    await restoring.close();
  });
});

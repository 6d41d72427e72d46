/**
 * Launches real Chromium with a built Tessera loaded, the way a user's browser runs it: the
 * service worker, the popup page, content scripts. Tests cannot click the toolbar, so they open
 * popup.html in a tab and use the e2e build, which may reach every page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import { ALLOW_LOAD_EXTENSION, findChrome, NO_CHROME_MESSAGE } from '../scripts/find-chrome';
import { startDemoServer, type DemoServer } from '../demo/server';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const E2E_BUILD = path.join(ROOT, '.output/chrome-mv3-e2e');
export const PRODUCTION_BUILD = path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv3');

export interface Tessera {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  popupUrl: string;
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The built extension to load [the e2e build]. */
  extension?: string;
  /** A profile to reuse (the caller removes it); a fresh temporary one by default. */
  userDataDir?: string;
  /** More Chromium switches, e.g. `--host-resolver-rules` to give local servers real-looking hosts. */
  args?: string[];
}

export async function launchTessera({
  extension = E2E_BUILD,
  userDataDir = '',
  args = [],
}: LaunchOptions = {}): Promise<Tessera> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(NO_CHROME_MESSAGE);
  const profile = userDataDir || (await mkdtemp(path.join(os.tmpdir(), 'tessera-e2e-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ALLOW_LOAD_EXTENSION,
      // This machine has no network beyond loopback: keep Chromium from trying.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-gpu',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...args,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    popupUrl: `chrome-extension://${extensionId}/popup.html`,
    userDataDir: profile,
    async close() {
      await context.close();
      if (!userDataDir) await rm(profile, { recursive: true, force: true });
    },
  };
}

export { startDemoServer, type DemoServer };

/** Opens popup.html in a tab (tests cannot click the toolbar) and waits for it to render. */
export async function openPopup(tessera: Tessera) {
  const page = await tessera.context.newPage();
  await page.goto(tessera.popupUrl);
  await page.getByRole('heading', { name: 'Tessera', level: 1 }).waitFor();
  return page;
}

/** The passphrase of the vaults the helpers below create and unlock, unless a test names its own. */
export const E2E_PASSPHRASE = 'tessera e2e passphrase';

export interface VaultOptions {
  passphrase?: string;
  /** Added in this order, each as an otpauth:// link or as an account. */
  accounts?: (string | Account)[];
}

/**
 * Creates the vault from an extension page through the message API, as the popup does, and adds
 * `accounts`; returns their ids in that order. Throws when the background refuses any of it.
 */
export async function createVault(
  page: Page,
  { passphrase = E2E_PASSPHRASE, accounts = [] }: VaultOptions = {},
): Promise<string[]> {
  const created = await sendFromPage(page, 'vault.create', { passphrase });
  if (!created.ok) throw new Error(`vault.create failed: ${created.error?.message}`);
  const ids: string[] = [];
  for (const account of accounts) {
    const added = await sendFromPage(
      page,
      'accounts.add',
      typeof account === 'string' ? { uri: account } : { account },
    );
    if (!added.ok) throw new Error(`accounts.add failed: ${added.error?.message}`);
    ids.push((added.value as { id: string }).id);
  }
  return ids;
}

/**
 * Launches Tessera (see launchTessera) with a vault created and `accounts` added, and returns the
 * popup (in a tab, showing the unlocked vault) and the accounts' ids.
 */
export async function launchWithVault(
  options: VaultOptions & LaunchOptions = {},
): Promise<{ tessera: Tessera; popup: Page; ids: string[] }> {
  const { passphrase, accounts, ...launch } = options;
  const tessera = await launchTessera(launch);
  try {
    const popup = await openPopup(tessera);
    const ids = await createVault(popup, { passphrase, accounts });
    await popup.reload();
    await popup.getByRole('button', { name: 'Lock now' }).waitFor();
    return { tessera, popup, ids };
  } catch (error) {
    // The caller never gets the browser to close: close it here.
    await tessera.close();
    throw error;
  }
}

/** Types the passphrase into the locked popup, presses Unlock, and waits until it is unlocked. */
export async function unlock(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  const form = page.getByRole('form', { name: 'Tessera is locked' });
  await form.getByLabel('Passphrase').fill(passphrase);
  await form.getByRole('button', { name: 'Unlock' }).click();
  await form.waitFor({ state: 'detached' });
}

/**
 * Makes the last unlock over a minute old (the `unlockedAt` of session:vaultKey), so exports,
 * backups under their own passphrase and QR codes ask for the passphrase again (utils/vault/reauth.ts).
 */
export async function ageUnlock(tessera: Tessera): Promise<void> {
  await tessera.worker.evaluate(async () => {
    type Session = { get(key: string): Promise<Record<string, object>>; set(items: object): Promise<void> };
    const session = (globalThis as unknown as { chrome: { storage: { session: Session } } }).chrome.storage.session;
    const { vaultKey } = await session.get('vaultKey');
    await session.set({ vaultKey: { ...vaultKey, unlockedAt: 0 } });
  });
}

/** The extension APIs the helpers below use inside the service worker (those functions run there). */
interface WorkerChrome {
  chrome: {
    tabs: { query(query: object): Promise<{ id?: number; url?: string }[]>; get(tabId: number): Promise<object> };
    windows: { create(options: object): Promise<unknown> };
  };
}

/** The id of the tab showing `url`, asked in the service worker. */
export async function tabIdOf(tessera: Tessera, url: string): Promise<number> {
  const id = await tessera.worker.evaluate(
    async (url) =>
      (await (globalThis as unknown as WorkerChrome).chrome.tabs.query({})).find((tab) => tab.url === url)?.id,
    url,
  );
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

/**
 * Opens the popup in a window of its own, as clicking the toolbar would, aimed at tab `tabId`
 * (`popup.html?tab=ID`): that tab stays the visible one of its window, so screenshots see it.
 */
export async function openPopupWindow(tessera: Tessera, tabId?: number): Promise<Page> {
  const opened = tessera.context.waitForEvent('page');
  const url = tabId === undefined ? tessera.popupUrl : `${tessera.popupUrl}?tab=${tabId}`;
  await tessera.worker.evaluate(
    (url) =>
      (globalThis as unknown as WorkerChrome).chrome.windows.create({ url, type: 'popup', width: 380, height: 600 }),
    url,
  );
  const popup = await opened;
  await popup.getByRole('heading', { name: 'Tessera', level: 1 }).waitFor();
  return popup;
}

/**
 * What the browser does on the fill shortcut (no `frameId`) or on "Fill one-time code with
 * Tessera" in a field's context menu (the field's frame): tests can do neither, so the e2e
 * build's worker lends them its listeners (entrypoints/background.ts). Tessera then opens its
 * popup (action.openPopup), which headless Chromium shows out of the test's reach and which
 * would take the pending fill before the test's own popup window could: the test's window
 * stands in for it, so the worker's openPopup is made to do nothing (the badge stays).
 */
export async function fillWithoutPopup(tessera: Tessera, tabId: number, frameId?: number): Promise<void> {
  type Listeners = {
    tesseraE2e: { onCommand(command: string, tab: object): void; onMenuClick(info: object, tab: object): void };
  };
  await tessera.worker.evaluate(
    async ([tabId, frameId]) => {
      const scope = globalThis as unknown as WorkerChrome &
        Listeners & { browser?: { action: { openPopup?: unknown } } };
      const quiet = async () => undefined;
      for (const action of [
        (scope.chrome as unknown as { action: { openPopup?: unknown } }).action,
        scope.browser?.action,
      ])
        if (action) action.openPopup = quiet;
      const tab = await scope.chrome.tabs.get(tabId);
      if (frameId === null) scope.tesseraE2e.onCommand('fill-code', tab);
      else scope.tesseraE2e.onMenuClick({ menuItemId: 'tessera-fill-field', frameId }, tab);
    },
    [tabId, frameId ?? null] as const,
  );
}

/** Sends a message to the background from an extension page, as the popup does. */
export async function sendFromPage(
  page: Page,
  type: string,
  payload?: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<never> } } };
  return page.evaluate(
    ([type, payload]) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
}

/**
 * Stops the extension's service worker the way Chrome does when it goes idle, and waits until
 * Chrome reports it stopped (Playwright's worker 'close' event is not reliable for this).
 */
export async function stopServiceWorker(tessera: Tessera, page: Page): Promise<void> {
  type Version = { scriptURL: string; runningStatus: string };
  const cdp = await tessera.context.newCDPSession(page);
  const script = `chrome-extension://${tessera.extensionId}/background.js`;
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
      if (versions.some((version) => version.scriptURL === script && version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

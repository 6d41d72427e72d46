/**
 * The side panel (issue 16): the popup's accounts view beside the page, acting on the active tab
 * of its window. Tests cannot open Chrome's side panel (sidePanel.open needs a click on browser
 * UI), so sidepanel.html is opened in a tab of its own and names the window it serves
 * (`?window=ID`), as popup.html?tab=ID does for the popup. Two demo hosts (Chromium maps every
 * host to the local server) are two tabs of that window: the panel lists the active one's
 * accounts first, follows tab switches and navigations, and fills into the tab active at the
 * click, with the usual question. Locking reaches it too. The release build, which has no host
 * permission, reads and fills no tab from the panel until the user allows the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import { validCodes } from '../tests/valid-codes';
import {
  createVault,
  launchTessera,
  launchWithVault,
  PRODUCTION_BUILD,
  sendFromPage,
  startDemoServer,
  unlock,
  type DemoServer,
  type Tessera,
} from './harness';

const account = (issuer: string, secret: string): Account => ({
  type: 'totp',
  issuer,
  label: 'me',
  secret,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});
// Listed in this order unless a site comes first: Gamma, Beta, Alpha.
const ACCOUNTS = [
  account('Gamma', 'GEZDGNBVGY3TQOJQ'),
  account('Beta', 'JBSWY3DPEHPK3PXP'),
  account('Alpha', 'KRSXG5CTMVRXEZLU'),
];
const HOSTS = ['--host-resolver-rules=MAP * 127.0.0.1'];
/** utils/vault/auto-lock.ts: activity within this long of the last one written is not written again. */
const TOUCH_EVERY_MS = 5_000;

/** The extension APIs the tests use inside the service worker. */
interface WorkerChrome {
  chrome: {
    windows: {
      create(options: object): Promise<{ id: number; tabs: { id: number }[] }>;
    };
    tabs: { update(tabId: number, changes: object): Promise<unknown> };
  };
}

let demo: DemoServer;
const at = (host: string) => `http://${host}:${demo.port}/test/fill/one-time-code`;
/** The same page in another window than the panel's. */
const DECOY = () => `${at('alpha.example.com')}?decoy`;

/** A window of its own with a tab per URL (the first one active); its id and the tabs' ids. */
async function openWindow(tessera: Tessera, urls: string[]): Promise<{ windowId: number; tabs: number[] }> {
  const created = await tessera.worker.evaluate(
    (url) => (globalThis as unknown as WorkerChrome).chrome.windows.create({ url, focused: true }),
    urls,
  );
  return { windowId: created.id, tabs: created.tabs.map((tab) => tab.id) };
}

const activate = (tessera: Tessera, tabId: number) =>
  tessera.worker.evaluate(
    (tabId) => (globalThis as unknown as WorkerChrome).chrome.tabs.update(tabId, { active: true }),
    tabId,
  );

/**
 * The side panel page in a tab of the first window, serving a new window with a tab per URL (the
 * first one active). The panel's tab is opened first: a new page opens in the last focused
 * window, which would otherwise be the demo window, whose active tab it would become.
 */
async function openPanel(tessera: Tessera, urls: string[]) {
  const panel = await tessera.context.newPage();
  const { windowId, tabs } = await openWindow(tessera, urls);
  await activate(tessera, tabs[0]!);
  await panel.goto(`chrome-extension://${tessera.extensionId}/sidepanel.html?window=${windowId}`);
  await panel.getByRole('heading', { name: 'Tessera', level: 1 }).waitFor();
  return { panel, windowId, tabs };
}

/** The issuers in the order the panel lists them. */
const order = (panel: Page) =>
  panel
    .getByRole('button', { name: /^Copy the code for / })
    .evaluateAll((rows) =>
      rows.map((row) => /^Copy the code for (\w+)/.exec(row.getAttribute('aria-label') ?? row.textContent ?? '')?.[1]),
    );

/** The page (one of the context's) showing `url`. */
function pageAt(tessera: Tessera, url: string): Page {
  const page = tessera.context.pages().find((candidate) => candidate.url() === url);
  if (!page) throw new Error(`No page shows ${url}`);
  return page;
}

const received = (page: Page) => page.locator('#received').textContent();

beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo?.close();
});

describe('the side panel (e2e build)', () => {
  let tessera: Tessera;
  let panel: Page;
  let setup: Page;
  let alphaTab: number;
  let betaTab: number;

  beforeAll(async () => {
    ({ tessera, popup: setup } = await launchWithVault({ accounts: ACCOUNTS, args: HOSTS }));
    let tabs: number[];
    ({ panel, tabs } = await openPanel(tessera, [at('alpha.example.com'), at('beta.example.com')]));
    [alphaTab, betaTab] = tabs as [number, number];
    // A window opened later, so the last focused one, on the same site: a fill aimed at the last
    // focused window's tab (the popup's way) rather than at the panel's window would land here.
    await openWindow(tessera, [DECOY()]);
  });
  afterAll(async () => {
    await tessera?.close();
  });

  it("lists the active tab's accounts first and follows tab switches and navigations", async () => {
    await expect.poll(() => order(panel)).toEqual(['Alpha', 'Gamma', 'Beta']);
    await activate(tessera, betaTab);
    await expect.poll(() => order(panel)).toEqual(['Beta', 'Gamma', 'Alpha']);
    // The active tab navigates to another site: its accounts come first.
    await tessera.worker.evaluate(
      ([tabId, url]) => (globalThis as unknown as WorkerChrome).chrome.tabs.update(tabId, { url }),
      [betaTab, at('gamma.example.com')] as const,
    );
    await expect.poll(() => order(panel)).toEqual(['Gamma', 'Beta', 'Alpha']);
    await tessera.worker.evaluate(
      ([tabId, url]) => (globalThis as unknown as WorkerChrome).chrome.tabs.update(tabId, { url }),
      [betaTab, at('beta.example.com')] as const,
    );
    await expect.poll(() => order(panel)).toEqual(['Beta', 'Gamma', 'Alpha']);
  });

  it("is offered in the popup's settings, and not in the panel's own", async () => {
    await setup.getByRole('button', { name: 'Settings' }).click();
    await setup.getByRole('button', { name: 'Open in side panel' }).waitFor();
    await panel.getByRole('button', { name: 'Settings' }).click();
    await panel.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Open in side panel' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Settings' }).click();
  });

  it('fills into the tab active at the click, after the usual question', async () => {
    await activate(tessera, alphaTab);
    await expect.poll(() => order(panel)).toEqual(['Alpha', 'Gamma', 'Beta']);
    await panel.getByRole('button', { name: /^Copy the code for Alpha / }).click();
    // An unbound account on a plain http page: the phishing warning, as in the popup.
    const warning = panel.getByRole('alertdialog', { name: 'This may be a phishing page' });
    await warning.getByRole('button', { name: 'Fill anyway' }).click();
    const alpha = pageAt(tessera, at('alpha.example.com'));
    await expect.poll(() => received(alpha)).toMatch(/\d{6}/);
    expect(validCodes(ACCOUNTS[2]!, Date.now())).toContain((await received(alpha))!.replace(/\D/g, ''));

    // The user switches tabs: the next fill goes to the tab now active, not the one before.
    await activate(tessera, betaTab);
    await expect.poll(() => order(panel)).toEqual(['Beta', 'Gamma', 'Alpha']);
    await panel.getByRole('button', { name: /^Copy the code for Beta / }).click();
    await panel
      .getByRole('alertdialog', { name: 'This may be a phishing page' })
      .getByRole('button', { name: 'Fill anyway' })
      .click();
    const beta = pageAt(tessera, at('beta.example.com'));
    await expect.poll(() => received(beta)).toMatch(/\d{6}/);
    expect(validCodes(ACCOUNTS[1]!, Date.now())).toContain((await received(beta))!.replace(/\D/g, ''));
    expect(validCodes(ACCOUNTS[2]!, Date.now())).toContain((await received(alpha))!.replace(/\D/g, ''));
    expect(await received(pageAt(tessera, DECOY()))).toBe('');
  });

  it('fills an account bound to the site unasked: the site it asks for is already allowed', async () => {
    await activate(tessera, alphaTab);
    await expect.poll(() => order(panel)).toEqual(['Alpha', 'Gamma', 'Beta']);
    const alpha = pageAt(tessera, at('alpha.example.com'));
    await alpha.locator('input').first().fill('');
    await panel.getByRole('button', { name: /^Copy the code for Alpha / }).click();
    const warning = panel.getByRole('alertdialog', { name: 'This may be a phishing page' });
    await warning.getByRole('checkbox', { name: /^Remember/ }).check();
    await warning.getByRole('button', { name: 'Fill anyway' }).click();
    await expect.poll(() => received(alpha)).toMatch(/\d{6}/);
    // Bound now: the click asks for http://alpha.example.com/* (the e2e build has it) and fills.
    await alpha.locator('input').first().fill('');
    await panel.getByRole('button', { name: /^Copy the code for Alpha / }).click();
    await expect.poll(() => received(alpha)).toMatch(/\d{6}/);
    expect(await panel.getByRole('alertdialog').count()).toBe(0);
  });

  it('auto-locks while open: following tabs and rollovers are no activity', async () => {
    type Session = { storage: { session: { set(items: object): Promise<void>; get(key: string): Promise<object> } } };
    type Alarms = { alarms: { create(name: string, info: object): void } };
    // The worker writes activity at most every TOUCH_EVERY_MS (utils/vault/auto-lock.ts): wait
    // until the last one written is that old, so a refresh counted as activity would be written.
    const session = () =>
      tessera.worker.evaluate(() =>
        (globalThis as unknown as { chrome: Session }).chrome.storage.session.get('lastActivity'),
      ) as Promise<{ lastActivity?: number }>;
    const { lastActivity } = await session();
    await expect.poll(() => Date.now() - (lastActivity ?? 0), { timeout: 10_000 }).toBeGreaterThan(TOUCH_EVERY_MS);
    // The user was last active long ago; then the panel follows a tab switch by itself.
    await tessera.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Session }).chrome.storage.session.set({ lastActivity: 1 }),
    );
    await activate(tessera, betaTab);
    await expect.poll(() => order(panel)).toEqual(['Beta', 'Gamma', 'Alpha']);
    expect(await session()).toEqual({ lastActivity: 1 });
    // The auto-lock alarm rings: the idle time has run out, and the panel shows the vault locked.
    await tessera.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Alarms }).chrome.alarms.create('tessera.auto-lock', { when: Date.now() }),
    );
    await panel.getByRole('form', { name: 'Tessera is locked' }).waitFor();
    await unlock(panel);
    await expect.poll(() => order(panel)).toEqual(['Beta', 'Gamma', 'Alpha']);
  });

  it('locks with the vault, and unlocks again in the panel', async () => {
    expect((await sendFromPage(setup, 'vault.lock')).ok).toBe(true);
    await panel.getByRole('form', { name: 'Tessera is locked' }).waitFor();
    await expect.poll(() => panel.getByRole('button', { name: /^Copy the code for / }).count()).toBe(0);
    await unlock(panel);
    await expect.poll(() => order(panel)).toEqual(['Beta', 'Gamma', 'Alpha']);
  });
});

describe('the side panel of the release build (no host permission)', () => {
  let tessera: Tessera;

  beforeAll(async () => {
    tessera = await launchTessera({ extension: PRODUCTION_BUILD, args: HOSTS });
    const page = await tessera.context.newPage();
    await page.goto(tessera.popupUrl);
    await createVault(page, { accounts: ACCOUNTS });
    await page.close();
  });
  afterAll(async () => {
    await tessera?.close();
  });

  it('cannot see the tab, so keeps its order and fills nothing, and says why', async () => {
    const { panel } = await openPanel(tessera, [at('alpha.example.com')]);
    await expect.poll(() => order(panel)).toEqual(['Gamma', 'Beta', 'Alpha']);
    await panel.getByRole('button', { name: /^Copy the code for Alpha / }).click();
    await panel.getByText(/Tessera may fill it from the side panel only on a site you allowed/).waitFor();
    expect(await received(pageAt(tessera, at('alpha.example.com')))).toBe('');
  });
});

/**
 * Scans on two pages, as two host names of the demo server (Chromium's --host-resolver-rules maps
 * them to 127.0.0.1): each account keeps the origin of the page it was found on, the preview says
 * where each came from, and "remember" binds each origin only to its own accounts (issue 15:
 * before, scanning GitHub's code on github.com and then any code on evil.com bound GitHub to
 * evil.com). A scan that lands while a preview is open (the popup's, or the options page's
 * import) makes it show the new list instead of adding what the user did not see. Driven by role
 * and accessible name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCAN_URIS } from '../demo/scan-pages';
import { axeViolations } from './axe';
import {
  launchWithVault,
  openPopupWindow,
  sendFromPage,
  startDemoServer,
  tabIdOf,
  type DemoServer,
  type Tessera,
} from './harness';

let tessera: Tessera;
let demo: DemoServer;
let setup: Page;

beforeAll(async () => {
  let launched: Awaited<ReturnType<typeof launchWithVault>>;
  [launched, demo] = await Promise.all([
    launchWithVault({ args: ['--host-resolver-rules=MAP *.example 127.0.0.1'] }),
    startDemoServer(),
  ]);
  ({ tessera, popup: setup } = launched);
});
afterAll(async () => {
  await Promise.all([tessera?.close(), demo?.close()]);
});

/** The origin of the demo server under host `name`.example. */
const origin = (name: string) => `http://${name}.example:${demo.port}`;
const remember = (name: string) => `Remember ${origin(name)} for the accounts found there (fill there without asking)`;

async function clearVault() {
  await sendFromPage(setup, 'preview.discard');
  const list = (await sendFromPage(setup, 'accounts.list')).value as { id: string }[];
  for (const { id } of list) await sendFromPage(setup, 'accounts.remove', { id });
}

async function openPage(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await tessera.context.newPage();
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, tabId: await tabIdOf(tessera, page.url()) };
}

/** Opens the popup over `tabId`, presses "Scan QR code" and waits for the preview's heading. */
async function scanWithPopup(tabId: number, found: number): Promise<Page> {
  const popup = await openPopupWindow(tessera, tabId);
  await popup.getByRole('button', { name: 'Scan QR code' }).click();
  await popup.getByRole('heading', { name: `Found ${found} account${found === 1 ? '' : 's'}` }).waitFor();
  return popup;
}

/** The accessible description of the control named `name` (its aria-describedby text a screen reader reads). */
function description(popup: Page, role: 'checkbox', name: string): Promise<string> {
  return popup.getByRole(role, { name }).evaluate((element) => {
    const text = (node: Node): string =>
      node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : (node as Element).getAttribute('aria-hidden') === 'true'
          ? ''
          : [...node.childNodes].map(text).join('');
    return (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .map((node) => (node ? text(node) : ''))
      .join(' ')
      .trim();
  });
}

/** The sites account `issuer` is bound to, as a fill on an unbound page reports them. */
async function boundSites(issuer: string): Promise<string[]> {
  const list = (await sendFromPage(setup, 'accounts.list')).value as { id: string; issuer: string }[];
  const { page, tabId } = await openPage(`${origin('elsewhere')}/test/fill/one-time-code`);
  const reply = await sendFromPage(setup, 'fill.code', { id: list.find((view) => view.issuer === issuer)!.id, tabId });
  await page.close();
  expect(reply.value).toMatchObject({ filled: false, reason: 'confirm-site' });
  return (reply.value as { bound: string[] }).bound;
}

describe('scanning on two pages', () => {
  it('keeps GitHub on github.example when the next scan is on evil.example, and says where each came from', async () => {
    await clearVault();
    const github = await openPage(`${origin('github')}/test/scan/img`);
    const first = await scanWithPopup(github.tabId, 1);
    await expect(description(first, 'checkbox', 'GitHub: octocat')).resolves.toBe(`found on ${origin('github')}`);
    await expect(first.getByRole('checkbox', { name: remember('github') }).isChecked()).resolves.toBe(true);
    // The user leaves without adding, and scans a code on another site.
    await Promise.all([first.close(), github.page.close()]);
    const evil = await openPage(`${origin('evil')}/test/scan/canvas`);
    const popup = await scanWithPopup(evil.tabId, 2);
    await popup.getByRole('status').filter({ hasText: 'These codes come from more than one place' }).waitFor();
    await popup.getByText(`from ${origin('github')}`).waitFor();
    await expect(description(popup, 'checkbox', 'GitHub: octocat')).resolves.toBe(`found on ${origin('github')}`);
    await expect(description(popup, 'checkbox', 'Bank: alice')).resolves.toBe(`found on ${origin('evil')}`);
    // Codes from two places: no page is remembered unless ticked, and each box names its origin.
    await expect(popup.getByRole('checkbox', { name: remember('github') }).isChecked()).resolves.toBe(false);
    await popup.getByRole('checkbox', { name: remember('evil') }).check();
    await popup.getByRole('button', { name: 'Add 2 accounts' }).click();
    await popup.getByRole('searchbox', { name: 'Search accounts' }).waitFor();
    await Promise.all([popup.close(), evil.page.close()]);
    expect(await boundSites('GitHub')).toEqual([]);
    expect(await boundSites('Bank')).toEqual([origin('evil')]);
  });

  it('shows a picture file that joined a page scan as such (axe clean), and remembers the page for its own code only', async () => {
    await clearVault();
    const github = await openPage(`${origin('github')}/test/scan/img`);
    const popup = await scanWithPopup(github.tabId, 1);
    const png = await (await fetch(`${demo.url}/qr.png?text=${encodeURIComponent(SCAN_URIS.steam)}`)).arrayBuffer();
    const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    expect((await sendFromPage(setup, 'scan.image', { dataUrl })).value).toMatchObject({ status: 'found' });
    await popup.getByRole('button', { name: 'Scan again' }).click();
    await popup.getByRole('heading', { name: 'Found 2 accounts' }).waitFor();
    await popup.getByRole('status').filter({ hasText: 'These codes come from more than one place' }).waitFor();
    await expect(description(popup, 'checkbox', 'Steam: gamer')).resolves.toBe('from a picture file');
    expect(await axeViolations(popup)).toEqual([]);
    await expect(popup.getByRole('checkbox', { name: remember('github') }).isChecked()).resolves.toBe(false);
    await popup.getByRole('checkbox', { name: remember('github') }).check();
    await popup.getByRole('button', { name: 'Add 2 accounts' }).click();
    await popup.getByRole('searchbox', { name: 'Search accounts' }).waitFor();
    await Promise.all([popup.close(), github.page.close()]);
    expect(await boundSites('GitHub')).toEqual([origin('github')]);
    expect(await boundSites('Steam')).toEqual([]);
  });

  it('shows the new list instead of adding when a scan lands while the preview is open', async () => {
    await clearVault();
    const github = await openPage(`${origin('github')}/test/scan/img`);
    const popup = await scanWithPopup(github.tabId, 1);
    // Meanwhile the shortcut or another window scans a page with another code.
    const other = await openPage(`${origin('other')}/test/scan/background`);
    expect((await sendFromPage(setup, 'scan.page', { tabId: other.tabId })).value).toMatchObject({ status: 'found' });
    await popup.getByRole('button', { name: 'Add 1 account' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Something else was scanned or imported meanwhile' }).waitFor();
    await popup.getByRole('heading', { name: 'Found 2 accounts' }).waitFor();
    expect((await sendFromPage(setup, 'accounts.list')).value).toEqual([]);
    // The user's tick on GitHub stands; the new code is there to see, ticked like any new one.
    await expect(popup.getByRole('checkbox', { name: 'GitHub: octocat' }).isChecked()).resolves.toBe(true);
    await popup.getByRole('checkbox', { name: 'Steam: gamer' }).uncheck();
    await popup.getByRole('button', { name: 'Add 1 account' }).click();
    await popup.getByRole('searchbox', { name: 'Search accounts' }).waitFor();
    const list = (await sendFromPage(setup, 'accounts.list')).value as { issuer: string }[];
    expect(list.map((view) => view.issuer)).toEqual(['GitHub']);
    await Promise.all([popup.close(), github.page.close(), other.page.close()]);
  });
  it("refuses the options page's import once a scan changed the preview, and shows the new list", async () => {
    await clearVault();
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await options.getByLabel("Or paste the export's text").fill(SCAN_URIS.bank);
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByRole('heading', { name: 'Found 1 account' }).waitFor();
    // A scan lands (the shortcut on a page) while the import's preview is open.
    const github = await openPage(`${origin('github')}/test/scan/img`);
    expect((await sendFromPage(setup, 'scan.page', { tabId: github.tabId })).value).toMatchObject({ status: 'found' });
    await options.getByRole('button', { name: 'Add 1 account' }).click();
    await options.getByRole('alert').filter({ hasText: 'Something else was scanned or imported meanwhile' }).waitFor();
    await options.getByRole('heading', { name: 'Found 2 accounts' }).waitFor();
    await expect(description(options, 'checkbox', 'GitHub: octocat')).resolves.toBe(`found on ${origin('github')}`);
    expect((await sendFromPage(setup, 'accounts.list')).value).toEqual([]);
    await options.getByRole('checkbox', { name: 'GitHub: octocat' }).uncheck();
    await options.getByRole('button', { name: 'Add 1 account' }).click();
    await options.getByText('Imported 1 account.', { exact: false }).waitFor();
    const list = (await sendFromPage(setup, 'accounts.list')).value as { issuer: string }[];
    expect(list.map((view) => view.issuer)).toEqual(['Bank']);
    await Promise.all([options.close(), github.page.close()]);
  });
});

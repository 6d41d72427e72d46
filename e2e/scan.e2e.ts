/**
 * Scanning as a user does it: a demo page shows a QR code, the popup (opened in its own window,
 * as the toolbar would, with the page's tab named) scans it, previews what it found, and adds the
 * accounts; the list then shows codes equal to ones computed here. One page per way a site shows
 * a code: PNG, inline SVG, canvas, CSS background, another origin, below the fold, an iframe, two
 * codes, table cells (screenshot only), Google Authenticator exports, no code, a web address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseMigrationUri } from '../utils/core/scan/otpauth-migration';
import { parseOtpauthUri } from '../utils/core/otp/otpauth-uri';
import { SCAN_CASES, SCAN_URIS } from '../demo/scan-pages';
import { fixturePath } from '../tests/shared-fixtures';
import { expectCode } from './expect-code';
import {
  launchWithVault,
  openPopup,
  openPopupWindow,
  sendFromPage,
  startDemoServer,
  tabIdOf,
  type DemoServer,
  type Tessera,
  unlock,
} from './harness';

/** The extension APIs used inside the service worker (these functions run there, not here). */
declare const chrome: { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };

let tessera: Tessera;
let demo: DemoServer;
let other: DemoServer;
let setup: Page;

beforeAll(async () => {
  let launched: Awaited<ReturnType<typeof launchWithVault>>;
  [launched, demo, other] = await Promise.all([launchWithVault(), startDemoServer(), startDemoServer()]);
  ({ tessera, popup: setup } = launched);
});
afterAll(async () => {
  await Promise.all([tessera?.close(), demo?.close(), other?.close()]);
});

/** Opens a scan test page in its own window and the popup in another, aimed at that page's tab. */
async function openScanPage(name: string): Promise<{ page: Page; popup: Page }> {
  const page = await tessera.context.newPage();
  await page.goto(`${demo.url}/test/scan/${name}?port=${other.port}`);
  await page.waitForLoadState('load');
  return { page, popup: await openPopupWindow(tessera, await tabIdOf(tessera, page.url())) };
}

async function scan(name: string): Promise<Page> {
  const { page, popup } = await openScanPage(name);
  await popup.getByRole('button', { name: 'Scan QR code' }).click();
  // Done when the preview's heading or a message (nothing found, a page that cannot be read) shows.
  await popup
    .getByRole('heading', { name: /^(Found \d+ account|No account to add)/ })
    .or(popup.getByRole('alert'))
    .first()
    .waitFor();
  await page.close();
  return popup;
}

/** The code the popup shows for `account` equals the one computed here (or the one just before). */
async function addAll(popup: Page, count: number) {
  await popup.getByRole('button', { name: `Add ${count} account${count === 1 ? '' : 's'}` }).click();
  await popup.getByRole('searchbox', { name: 'Search accounts' }).waitFor();
}

async function clearVault() {
  const list = (await sendFromPage(setup, 'accounts.list')).value as { id: string }[];
  for (const { id } of list) await sendFromPage(setup, 'accounts.remove', { id });
}

describe('scanning a QR code on the page', () => {
  it.each(['img', 'svg', 'canvas', 'background', 'cross-origin', 'below-fold', 'iframe', 'drawn'])(
    'finds the code shown as %s and adds it',
    async (name) => {
      await clearVault();
      const popup = await scan(name);
      const [uri] = SCAN_CASES[name]!.expected;
      const account = parseOtpauthUri(uri!);
      await popup.getByRole('heading', { name: 'Found 1 account' }).waitFor();
      await expect(
        popup.getByRole('checkbox', { name: `${account.issuer}: ${account.label}` }).isChecked(),
      ).resolves.toBe(true);
      await addAll(popup, 1);
      await expectCode(popup, account);
      await popup.close();
    },
  );

  it('lists both codes of a page with two', async () => {
    await clearVault();
    const popup = await scan('two');
    await popup.getByRole('heading', { name: 'Found 2 accounts' }).waitFor();
    await addAll(popup, 2);
    for (const uri of [SCAN_URIS.github, SCAN_URIS.bank]) await expectCode(popup, parseOtpauthUri(uri));
    await popup.close();
  });

  it('offers to skip or replace an account already in Tessera', async () => {
    await clearVault();
    await sendFromPage(setup, 'accounts.add', {
      uri: SCAN_URIS.github.replace('issuer=GitHub', 'issuer=GitHub&digits=8'),
    });
    const popup = await scan('img');
    await popup.getByText('already in Tessera').waitFor();
    await expect(popup.getByRole('radio', { name: 'Skip' }).isChecked()).resolves.toBe(true);
    await popup.getByRole('radio', { name: 'Replace' }).check();
    await addAll(popup, 1);
    expect(((await sendFromPage(setup, 'accounts.list')).value as unknown[]).length).toBe(1);
    await popup.close();
  });

  it('imports every account of a Google Authenticator export with the right codes', async () => {
    await clearVault();
    const popup = await scan('migration');
    await popup.getByRole('heading', { name: 'Found 3 accounts' }).waitFor();
    await addAll(popup, 3);
    for (const account of parseMigrationUri(SCAN_CASES.migration!.expected[0]!).accounts)
      await expectCode(popup, account);
    await popup.close();
  });

  it('gathers an export split over two codes: "1 of 2", then both', async () => {
    await clearVault();
    const first = await scan('migration-part');
    await first.getByText('1 of 2 codes scanned').waitFor();
    await first.close();
    const both = await scan('migration-parts');
    await both.getByRole('heading', { name: 'Found 3 accounts' }).waitFor();
    expect(await both.getByText(/of 2 codes scanned/).count()).toBe(0);
    await addAll(both, 3);
    await both.close();
  });

  it('says so when there is no code, and suggests another way', async () => {
    const popup = await scan('none');
    await popup.getByRole('alert').filter({ hasText: 'No QR code was found on this page' }).waitFor();
    await popup.getByRole('button', { name: 'Select the code on the page' }).waitFor();
    await popup.close();
  });

  it('shows what a code holds when it is not an authenticator code, and saves nothing', async () => {
    await clearVault();
    const popup = await scan('url');
    await popup.getByRole('heading', { name: 'No account to add' }).waitFor();
    await popup.getByText('This QR code is not an authenticator code.').waitFor();
    await popup.getByText(SCAN_URIS.url).waitFor();
    expect((await sendFromPage(setup, 'accounts.list')).value).toEqual([]);
    await popup.close();
  });

  it('explains that browser pages cannot be read', async () => {
    const tabIds = () => tessera.worker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id));
    const before = await tabIds();
    const page = await tessera.context.newPage();
    await page.goto('chrome://version/');
    const [tabId] = (await tabIds()).filter((id) => !before.includes(id));
    const reply = await sendFromPage(setup, 'scan.page', { tabId });
    expect(reply.value).toEqual({
      status: 'restricted',
      reason: expect.stringContaining('does not let extensions read this page'),
    });
    await page.close();
  });

  it.each([
    ['img', 'page'],
    ['cross-origin', 'page'],
    ['below-fold', 'page'],
    ['drawn', 'screenshot'],
  ])('finds %s through the %s', async (name, source) => {
    const { page, popup } = await openScanPage(name);
    const tabId = await tabIdOf(tessera, page.url());
    expect((await sendFromPage(popup, 'scan.page', { tabId })).value).toMatchObject({ status: 'found', source });
    await sendFromPage(popup, 'preview.discard');
    await Promise.all([page.close(), popup.close()]);
  });

  it('reads a picture file the user chooses or pastes', async () => {
    await clearVault();
    const popup = await openPopup(tessera);
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    const png = await (await fetch(`${demo.url}/qr.png?text=${encodeURIComponent(SCAN_URIS.bank)}`)).arrayBuffer();
    await popup
      .getByLabel('Scan an image file')
      .setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: Buffer.from(png) });
    await popup.getByRole('heading', { name: 'Found 1 account' }).waitFor();
    await addAll(popup, 1);
    await expectCode(popup, parseOtpauthUri(SCAN_URIS.bank));
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    // A pasted picture (Ctrl+V in the panel) is read the same way.
    await sendFromPage(popup, 'preview.discard');
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    await popup.getByText('Or paste a picture of the code here').waitFor();
    const base64 = Buffer.from(
      await (await fetch(`${demo.url}/qr.png?text=${encodeURIComponent(SCAN_URIS.steam)}`)).arrayBuffer(),
    ).toString('base64');
    await popup.getByRole('region', { name: 'Scan a QR code' }).evaluate((panel, base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
      panel.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, base64);
    await popup.getByRole('heading', { name: 'Found 1 account' }).waitFor();
    await popup.getByRole('checkbox', { name: 'Steam: gamer' }).waitFor();
    await sendFromPage(popup, 'preview.discard');
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    // ../shared's text_masquerading_as_image.jpeg: text with a picture's name.
    await popup
      .getByLabel('Scan an image file')
      .setInputFiles(fixturePath('google-migration/text_masquerading_as_image.jpeg'));
    await popup.getByText('That file is not a picture Tessera can read').waitFor();
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    await popup.getByLabel('Scan an image file').setInputFiles(fixturePath('google-migration/qr_but_without_otp.png'));
    await popup.getByText('This QR code is not an authenticator code.').waitFor();
    await popup.close();
  });
});

describe('selecting the code by hand', () => {
  /** The worker's record of the tab asked to select an area (session storage), if any. */
  const regionRequest = () =>
    tessera.worker.evaluate(
      async () =>
        (
          await (
            globalThis as unknown as {
              chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
            }
          ).chrome.storage.session.get('regionRequest')
        ).regionRequest,
    );

  async function regionOn(name: string): Promise<Page> {
    const page = await tessera.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`${demo.url}/test/scan/${name}`);
    const tabId = await tabIdOf(tessera, page.url());
    expect((await sendFromPage(setup, 'scan.region', { tabId })).ok).toBe(true);
    await page.getByRole('dialog', { name: 'Drag over the QR code · Esc cancels' }).waitFor();
    return page;
  }

  it('scans the dragged area after the popup has gone, and the next popup shows what it found', async () => {
    await clearVault();
    await sendFromPage(setup, 'preview.discard');
    const page = await regionOn('drawn');
    const box = (await page.getByRole('img', { name: 'QR code' }).boundingBox())!;
    await page.mouse.move(box.x - 10, box.y - 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width + 10, box.y + box.height + 10, { steps: 4 });
    await page.mouse.up();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(
        async () =>
          ((await sendFromPage(setup, 'preview.get')).value as { accounts: unknown[] } | null)?.accounts.length,
        { timeout: 10_000 },
      )
      .toBe(1);
    const popup = await openPopup(tessera);
    await popup.getByRole('heading', { name: 'Found 1 account' }).waitFor();
    await addAll(popup, 1);
    await expectCode(popup, parseOtpauthUri(SCAN_URIS.github));
    await Promise.all([popup.close(), page.close()]);
  });

  it('says so when the dragged area holds no code', async () => {
    await sendFromPage(setup, 'preview.discard');
    const page = await regionOn('drawn');
    await page.mouse.move(600, 400);
    await page.mouse.down();
    await page.mouse.move(700, 500, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(
        async () =>
          ((await sendFromPage(setup, 'preview.get')).value as { unusable: { reason: string }[] } | null)?.unusable[0]
            ?.reason,
        { timeout: 10_000 },
      )
      .toBe('No QR code was found in the area you selected.');
    await sendFromPage(setup, 'preview.discard');
    await page.close();
  });

  it('cancels on Esc, and only the asked tab may answer', async () => {
    await sendFromPage(setup, 'preview.discard');
    const page = await regionOn('drawn');
    expect(await regionRequest()).toMatchObject({ tabId: await tabIdOf(tessera, page.url()) });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // The page answered "nothing selected", and the worker took that answer: the request is gone.
    await expect.poll(regionRequest).toBeUndefined();
    expect((await sendFromPage(setup, 'preview.get')).value).toBeNull();
    // The request was used up: a second answer (from anywhere) is refused.
    const late = await sendFromPage(setup, 'scan.regionSelected', {
      region: { x: 0, y: 0, width: 100, height: 100, viewportWidth: 1000 },
    });
    expect(late.error?.code).toBe('forbidden');
    await page.close();
  });
});

describe('a scan asked for while locked', () => {
  it('is finished by the popup once unlocked', async () => {
    await clearVault();
    await sendFromPage(setup, 'preview.discard');
    const page = await tessera.context.newPage();
    await page.goto(`${demo.url}/test/scan/img`);
    const tabId = await tabIdOf(tessera, page.url());
    await sendFromPage(setup, 'vault.lock');
    // What the keyboard command or the image menu leaves behind when the vault is locked.
    await tessera.worker.evaluate(
      (tabId) =>
        (
          globalThis as unknown as { chrome: { storage: { session: { set(items: object): Promise<void> } } } }
        ).chrome.storage.session.set({ scanRequest: { tabId } }),
      tabId,
    );
    const popup = await openPopup(tessera);
    await unlock(popup);
    await popup.getByRole('heading', { name: 'Found 1 account' }).waitFor();
    await addAll(popup, 1);
    await expectCode(popup, parseOtpauthUri(SCAN_URIS.github));
    await Promise.all([popup.close(), page.close()]);
  });
});

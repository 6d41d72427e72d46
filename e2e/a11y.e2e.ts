/**
 * axe-core on every view of the popup, in both colour schemes: no violations. Controls are also
 * found by role and name throughout the other tests, which fails when one has no accessible name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCAN_URIS } from '../demo/scan-pages';
import { axeViolations } from './axe';
import {
  createVault,
  launchTessera,
  openPopup,
  sendFromPage,
  startDemoServer,
  tabIdOf,
  type Tessera,
  unlock,
} from './harness';

let tessera: Tessera;
let page: Page;

beforeAll(async () => {
  tessera = await launchTessera();
  page = await openPopup(tessera);
  await page.setViewportSize({ width: 380, height: 600 });
});
afterAll(() => tessera?.close());

const violations = () => axeViolations(page);

async function check(view: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await violations(), `${view}, ${scheme}`).toEqual([]);
  }
}

describe('accessibility (axe-core)', () => {
  it('first run', async () => {
    await page.getByRole('form', { name: 'Protect your codes' }).waitFor();
    await check('first run');
  });

  it('locked, the account list, the add form, an edit and the settings', async () => {
    await createVault(page, {
      accounts: [
        'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
        'otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=2',
      ],
    });
    await sendFromPage(page, 'vault.lock');
    await page.reload();
    await page.getByRole('form', { name: 'Tessera is locked' }).waitFor();
    await check('locked');
    await unlock(page);
    await page.getByRole('button', { name: /^Copy the code for GitHub/ }).waitFor();
    await check('list');
    await page.getByRole('button', { name: /^Copy the code for GitHub/ }).click();
    await check('list with the Copied message');
    await page.getByRole('button', { name: 'Add account' }).click();
    await check('add');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit Bank: me' }).click();
    await check('edit');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await check('settings');
  });

  it('the scan panel with nothing found, and a preview with a duplicate and an unusable code', async () => {
    const demo = await startDemoServer();
    try {
      const scanned = await tessera.context.newPage();
      await scanned.goto(`${demo.url}/test/scan/none`);
      await page.goto(`${tessera.popupUrl}?tab=${await tabIdOf(tessera, scanned.url())}`);
      await page.getByRole('button', { name: 'Scan QR code' }).click();
      await page.getByRole('button', { name: 'Select the code on the page' }).waitFor();
      await check('scan, nothing found');
      await scanned.goto(`${demo.url}/test/scan/two`);
      await sendFromPage(page, 'accounts.add', { uri: SCAN_URIS.github });
      await sendFromPage(page, 'scan.image', {
        dataUrl: `data:image/png;base64,${Buffer.from(await (await fetch(`${demo.url}/qr.png?text=https://example.com`)).arrayBuffer()).toString('base64')}`,
      });
      await page.getByRole('button', { name: 'Scan QR code' }).click();
      await page.getByRole('heading', { name: 'Found 2 accounts' }).waitFor();
      await check('scan preview');
      await sendFromPage(page, 'preview.discard');
      await scanned.close();
    } finally {
      await demo.close();
    }
  });
});

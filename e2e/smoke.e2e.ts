import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeBasedAccount } from '../utils/core/otp/account';
import { generateCode } from '../utils/core/otp/otp';
import { parseOtpauthUri } from '../utils/core/otp/otpauth-uri';
import { launchTessera, startDemoServer, type DemoServer, type Tessera } from './harness';
import { scanElement } from './qr-screenshot';

let tessera: Tessera;
let demo: DemoServer;

beforeAll(async () => {
  [tessera, demo] = await Promise.all([launchTessera(), startDemoServer()]);
});
afterAll(async () => {
  await tessera?.close();
  await demo?.close();
});

describe('smoke: Tessera in Chromium', () => {
  it('runs its service worker from the built extension', () => {
    expect(tessera.extensionId).toMatch(/^[a-p]{32}$/);
    expect(tessera.worker.url()).toBe(`chrome-extension://${tessera.extensionId}/background.js`);
  });

  it('renders the popup, asking for a passphrase on first run', async () => {
    const page = await tessera.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(tessera.popupUrl);
    await expect.poll(() => page.getByRole('heading', { name: 'Tessera', level: 1 }).isVisible()).toBe(true);
    await page.getByRole('form', { name: 'Protect your codes' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('smoke: the demo 2FA site in Chromium', () => {
  it.each([
    ['PNG <img>', '/enable-2fa', 'img'],
    ['inline <svg>', '/enable-2fa?qr=svg', 'img'],
  ])('shows a %s QR code that a scanner reads as the setup key', async (_, path, role) => {
    const page = await tessera.context.newPage();
    await page.goto(demo.url + path);
    const qr = page.getByRole(role as 'img', { name: 'QR code for Tessera Demo' });
    const uri = await scanElement(qr);
    expect(uri).toBeDefined();
    const account = parseOtpauthUri(uri!);
    const key = (await page.locator('#setup-key').textContent())!.replace(/\s/g, '');
    expect(account).toMatchObject({ type: 'totp', issuer: 'Tessera Demo', label: 'alice@example.com', secret: key });
    await page.close();
  });

  it('turns 2FA on and signs in with codes computed from the scanned QR code', async () => {
    const page = await tessera.context.newPage();
    await page.goto(`${demo.url}/enable-2fa`);
    const account = parseOtpauthUri(
      (await scanElement(page.getByRole('img', { name: 'QR code for Tessera Demo' })))!,
    ) as TimeBasedAccount;
    await page
      .getByRole('textbox', { name: 'Enter the 6-digit code from the app to confirm' })
      .fill(generateCode(account, Date.now()));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Two-factor authentication is on.');

    await page.goto(`${demo.url}/login`);
    const field = page.getByRole('textbox', { name: 'Authentication code' });
    await field.fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Wrong code');

    // No need to keep away from a step boundary: the site accepts the step before and after.
    await page.getByRole('textbox', { name: 'Authentication code' }).fill(generateCode(account, Date.now()));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Signed in');
    await page.close();
  });
});

/**
 * A copied code leaves the clipboard after 30 seconds, even with the popup closed, but only if
 * the user has not copied something else since. Real time: each case waits out the alarm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTessera, openPopup, sendFromPage, type Tessera } from './harness';

let tessera: Tessera;

beforeAll(async () => {
  tessera = await launchTessera();
  const page = await openPopup(tessera);
  await sendFromPage(page, 'vault.create', { passphrase: 'tessera clipboard passphrase' });
  await sendFromPage(page, 'accounts.add', {
    uri: 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  });
  await page.close();
});
afterAll(() => tessera?.close());

/** Copies GitHub's code from a fresh popup, then closes the popup; returns the code. */
async function copyAndClose(): Promise<string> {
  const page = await openPopup(tessera);
  await page.getByRole('button', { name: /^Copy the code for GitHub/ }).click();
  await page.getByText('Copied the code for GitHub: alice').waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return code;
}

async function clipboardAfter(ms: number): Promise<string> {
  const page = await openPopup(tessera);
  await page.waitForTimeout(ms);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

describe('clearing copied codes', () => {
  it('clears the code 30 seconds after copying, with the popup closed', async () => {
    expect(await copyAndClose()).toMatch(/^\d{6}$/);
    expect(await clipboardAfter(33_000)).toBe('');
  }, 60_000);

  it('leaves the clipboard alone when something else was copied since', async () => {
    await copyAndClose();
    const page = await openPopup(tessera);
    await page.evaluate(() => navigator.clipboard.writeText('my own text'));
    await page.close();
    expect(await clipboardAfter(33_000)).toBe('my own text');
  }, 60_000);
});

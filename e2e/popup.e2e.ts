/**
 * The popup as a user drives it: add accounts of three kinds through the form, check the codes
 * against ones computed here, copy, search, edit, delete with undo, keyboard-only use, and
 * the themes (screenshots of every screen: screens.e2e.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import { BANK, STEAM } from './sample-accounts';
import { codeAtCounter } from '../utils/core/otp/otp';
import { validCodes } from '../tests/valid-codes';
import { expectCode } from './expect-code';
import { launchWithVault, openPopup, type Tessera } from './harness';

let tessera: Tessera;
let page: Page;

const GITHUB: Account = {
  type: 'totp',
  issuer: 'GitHub',
  label: 'alice@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};

beforeAll(async () => {
  ({ tessera, popup: page } = await launchWithVault());
  // Tessera never reads the clipboard (no clipboardRead); the test reads it with Playwright's grant.
  await tessera.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 380, height: 600 });
});
afterAll(() => tessera?.close());

/** The copy button of "Issuer: label": its name is "Copy the code for Issuer label CODE". */
const copyButton = (name: string) =>
  page.getByRole('button', {
    name: new RegExp(`^Copy the code for ${name.replace(': ', ' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `),
  });
const shownCode = async (name: string) => (await copyButton(name).locator('.code').textContent())!.replace(/\s/g, '');

async function addByHand(account: Account) {
  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.getByRole('form', { name: 'Enter a setup key' });
  await form.getByLabel('Service').fill(account.issuer);
  await form.getByLabel('Account name').fill(account.label);
  await form.getByLabel('Secret key').fill(account.secret.toLowerCase().replace(/(.{4})/g, '$1 '));
  if (account.type !== 'totp') {
    await form.getByText('Advanced').click();
    await form.getByLabel('Type').selectOption(account.type);
    if (account.type === 'hotp') {
      await form.getByLabel('Algorithm').selectOption(account.algorithm);
      await form.getByLabel('Digits').selectOption(String(account.digits));
      await form.getByLabel('Counter').fill(String(account.counter));
    }
  }
  await form.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('searchbox', { name: 'Search accounts' }).waitFor();
}

describe('the popup', () => {
  it('explains how to add the first account', async () => {
    await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
  });

  it('adds TOTP, HOTP and Steam accounts through the form and shows their codes', async () => {
    await addByHand(GITHUB);
    await addByHand(BANK);
    await addByHand(STEAM);
    for (const account of [GITHUB, BANK, STEAM]) await expectCode(page, account);
    expect(await shownCode('Steam: gaben')).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    expect(await copyButton('Bank: me').locator('.code').textContent()).toMatch(/^\d{4} \d{4}$/);
  });

  it('refuses a bad secret with a clear message and adds nothing', async () => {
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('form', { name: 'Enter a setup key' });
    await form.getByLabel('Service').fill('Broken');
    await form.getByLabel('Secret key').fill('not-base32-1');
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('secret is not base32 (it contains "1")');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('button', { name: /^Copy the code for/ }).count()).toBe(3);
  });

  it('adds from a pasted otpauth:// link', async () => {
    await page.getByRole('button', { name: 'Add account' }).click();
    await page
      .getByRole('form', { name: 'Paste a link' })
      .getByRole('textbox')
      .fill('otpauth://totp/Example:carol?secret=GEZDGNBVGY3TQOJQ&issuer=Example&digits=8');
    await page.getByRole('button', { name: 'Add from link' }).click();
    await copyButton('Example: carol').waitFor();
  });

  it('advances an HOTP counter with "next code", and it persists', async () => {
    await page.getByRole('button', { name: 'Next code for Bank: me' }).click();
    await expect.poll(() => shownCode('Bank: me')).toBe(codeAtCounter(BANK, 6));
    await page.reload();
    expect(await shownCode('Bank: me')).toBe(codeAtCounter(BANK, 6));
  });

  it('copies a code on click and says so', async () => {
    await copyButton('GitHub: alice@example.com').click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).textContent())
      .toBe('Copied the code for GitHub: alice@example.com');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(validCodes(GITHUB, Date.now())).toContain(clipboard);
  });

  it('narrows the list as you type, and Enter copies the first match', async () => {
    const search = page.getByRole('searchbox', { name: 'Search accounts' });
    await search.fill('steam');
    await expect.poll(() => page.getByRole('button', { name: /^Copy the code for/ }).count()).toBe(1);
    await search.press('Enter');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    await search.fill('nothing like this');
    await page.getByText('No account matches “nothing like this”.').waitFor();
    await search.fill('');
  });

  it('works with the keyboard alone: arrows move, Enter copies', async () => {
    const search = page.getByRole('searchbox', { name: 'Search accounts' });
    await search.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Copy the code for Bank/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(codeAtCounter(BANK, 6));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit Bank: me');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Edit account' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('edits an account, and the change survives closing the popup', async () => {
    await page.getByRole('button', { name: 'Edit GitHub: alice@example.com' }).click();
    await page.getByRole('form', { name: 'Edit account' }).getByLabel('Service').fill('GitHub Enterprise');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.close();
    page = await openPopup(tessera);
    await page.setViewportSize({ width: 380, height: 600 });
    await expectCode(page, { ...GITHUB, issuer: 'GitHub Enterprise' });
    // The popup opens with the search box focused, ready to type.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  });

  it('deletes with undo, and a delete survives closing the popup', async () => {
    await page.getByRole('button', { name: 'Edit Example: carol' }).click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await copyButton('Example: carol').waitFor();
    await page.getByRole('button', { name: 'Edit Example: carol' }).click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByText('Deleted Example: carol').waitFor();
    await page.close();
    page = await openPopup(tessera);
    await page.setViewportSize({ width: 380, height: 600 });
    await copyButton('Bank: me').waitFor();
    expect(await copyButton('Example: carol').count()).toBe(0);
  });

  it('pins an account to the top', async () => {
    await page.getByRole('button', { name: 'Edit Steam: gaben' }).click();
    await page.getByRole('button', { name: 'Pin to top' }).click();
    await copyButton('Steam: gaben').waitFor();
    const first = page.getByRole('button', { name: /^Copy the code for/ }).first();
    expect(await first.getAttribute('data-account')).toBe(
      await copyButton('Steam: gaben').getAttribute('data-account'),
    );
  });

  it('reorders with Alt+arrows and by dragging, and the order persists', async () => {
    const order = async () =>
      page.locator('.account .issuer').evaluateAll((names) => names.map((name) => name.textContent!.replace('★ ', '')));
    // Pinned Steam stays first; below it GitHub Enterprise, then Bank.
    expect((await order()).slice(1)).toEqual(['GitHub Enterprise', 'Bank']);
    await copyButton('Bank: me').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await order()).slice(1)).toEqual(['Bank', 'GitHub Enterprise']);
    // Focus follows the moved account, so it can be moved again.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toMatch(/^Copy the code for Bank/);
    await page.getByRole('button', { name: /^Copy the code for GitHub/ }).dragTo(copyButton('Bank: me'));
    await expect.poll(async () => (await order()).slice(1)).toEqual(['GitHub Enterprise', 'Bank']);
    await page.reload();
    await copyButton('Bank: me').waitFor();
    expect((await order()).slice(1)).toEqual(['GitHub Enterprise', 'Bank']);
  });

  // Screenshots of every screen in both themes: screens.e2e.ts (test-results/screens/).
  it('follows the system into the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 25, 29)');
  });

  it('follows the theme setting over the system', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(background).toBe('rgb(22, 25, 29)');
    await page.getByLabel('Theme').selectOption('system');
    await expect.poll(background).toBe('rgb(255, 255, 255)');
  });
});

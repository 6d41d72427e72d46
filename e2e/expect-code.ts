/** An assertion the e2e tests share (kept out of harness.ts, which the benchmarks import without Vitest). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Account } from '../utils/core/otp/account';
import { validCodes } from '../tests/valid-codes';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The copy button of `account` in the popup: its name is "Copy the code for Issuer label CODE". */
export function copyButton(popup: Page, account: Pick<Account, 'issuer' | 'label'>) {
  return popup.getByRole('button', {
    name: new RegExp(`^Copy the code for ${escapeRegExp(`${account.issuer} ${account.label}`)} `),
  });
}

/** The popup shows `account` with a code computed here for the page's time (or its counter). */
export async function expectCode(popup: Page, account: Account): Promise<void> {
  const button = copyButton(popup, account);
  await button.waitFor();
  const shown = (await button.locator('.code').textContent())!.replace(/\s/g, '');
  expect(validCodes(account, await popup.evaluate(() => Date.now()))).toContain(shown);
}

/** An assertion the e2e tests share (kept out of harness.ts, which the benchmarks import without Vitest). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Account } from '../utils/core/otp/account';
import { codeAtCounter, generateCode } from '../utils/core/otp/otp';

/** The popup shows `account` with the code computed here for the page's time (or its counter). */
export async function expectCode(popup: Page, account: Account): Promise<void> {
  const button = popup.getByRole('button', {
    name: new RegExp(`^Copy the code for ${account.issuer} ${account.label} `),
  });
  await button.waitFor();
  const shown = (await button.locator('.code').textContent())!.replace(/\s/g, '');
  const now = await popup.evaluate(() => Date.now());
  const expected =
    account.type === 'hotp'
      ? [codeAtCounter(account, account.counter)]
      : [generateCode(account, now), generateCode(account, now - 30_000)];
  expect(expected).toContain(shown);
}

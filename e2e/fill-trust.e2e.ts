/**
 * Where a code may go (issue 15): an account bound on one origin is asked about on another origin
 * of the same site; an unbound account meets a plain http page or a look-alike host with a
 * warning; and a tab that navigates between the check and the fill gets no code. Chromium maps
 * every host name to the local demo server (`--host-resolver-rules`), so `accounts.example.com`
 * and `forms.example.com` are two origins of one site, served over plain http.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import { validCodes } from '../tests/valid-codes';
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

const WORK: Account = {
  type: 'totp',
  issuer: 'Example',
  label: 'work',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};
const HOME: Account = { ...WORK, label: 'home', secret: 'GEZDGNBVGY3TQOJQ' };

let tessera: Tessera;
let demo: DemoServer;
let setup: Page;
let work: string;
let home: string;
const at = (host: string, path = '/test/fill/one-time-code') => `http://${host}:${demo.port}${path}`;

beforeAll(async () => {
  let launched: Awaited<ReturnType<typeof launchWithVault>>;
  [launched, demo] = await Promise.all([
    launchWithVault({ accounts: [WORK, HOME], args: ['--host-resolver-rules=MAP * 127.0.0.1'] }),
    startDemoServer(),
  ]);
  ({ tessera, popup: setup } = launched);
  [work, home] = launched.ids as [string, string];
});
afterAll(async () => {
  await Promise.all([tessera?.close(), demo?.close()]);
});

async function open(url: string) {
  const page = await tessera.context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(tessera, page.url()) };
}

const received = async (page: Page) => (await page.locator('#received').textContent()) ?? '';
const focused = (popup: Page) => popup.evaluate(() => document.activeElement?.textContent?.trim());

describe('where a code may go', () => {
  it('an account remembered on one origin is filled there unasked, and warned about on another origin of the site', async () => {
    // The first fill on accounts.example.com: a plain http page (not loopback), so a warning
    // with its reason, "Don't fill" focused, Remember unticked; the user remembers it anyway.
    const accounts = await open(at('accounts.example.com'));
    const origin = `http://accounts.example.com:${demo.port}`;
    let popup = await openPopupWindow(tessera, accounts.tabId);
    await popup.getByRole('button', { name: /^Copy the code for Example work / }).click();
    const ask = popup.getByRole('alertdialog', { name: 'This may be a phishing page' });
    await ask.getByText(`This page (${origin}) is not secure (http)`, { exact: false }).waitFor();
    await expect.poll(() => focused(popup)).toBe("Don't fill");
    const rememberHere = ask.getByRole('checkbox', { name: `Remember ${origin} for Example: work` });
    expect(await rememberHere.isChecked()).toBe(false);
    await rememberHere.check();
    await ask.getByRole('button', { name: 'Fill anyway' }).click();
    await popup.getByText('Filled the code for Example: work').waitFor();
    expect(validCodes(WORK, Date.now())).toContain(await received(accounts.page));
    await popup.close();

    // Remembered: the next fill there asks nothing.
    await accounts.page.reload();
    popup = await openPopupWindow(tessera, accounts.tabId);
    await popup.getByRole('button', { name: /^Copy the code for Example work / }).click();
    await popup.getByText('Filled the code for Example: work').waitFor();
    // Edit shows where it fills unasked: this origin only, not all of example.com.
    await popup.getByRole('button', { name: 'Edit Example: work' }).click();
    const bound = popup.getByRole('region', { name: 'Fills without asking on' });
    expect(await bound.getByRole('listitem').allTextContents()).toEqual([`${origin} only`]);
    await popup.close();

    // forms.example.com is the same site, another origin: the warning, with its reason.
    const forms = await open(at('forms.example.com'));
    popup = await openPopupWindow(tessera, forms.tabId);
    await popup.getByRole('button', { name: /^Copy the code for Example work / }).click();
    const warning = popup.getByRole('alertdialog', { name: 'This may be a phishing page' });
    await warning
      .getByText(
        `Example: work is used on ${origin} only. This page is http://forms.example.com:${demo.port}: another part of example.com`,
        { exact: false },
      )
      .waitFor();
    await expect.poll(() => focused(popup)).toBe("Don't fill");
    expect(await warning.getByRole('checkbox', { name: /^Remember/ }).isChecked()).toBe(false);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/fill-warning-other-origin.png' });
    await warning.getByRole('button', { name: "Don't fill" }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await received(forms.page)).toBe('');
    await Promise.all([popup.close(), accounts.page.close(), forms.page.close()]);
  });

  it.each([
    ['a look-alike host', 'examp1e.com', 'look-alike', 'The address examp1e.com:PORT imitates the name Example'],
    [
      'the issuer only in a subdomain',
      'example.com.login-check.net',
      'brand-elsewhere',
      'This page is on login-check.net, which is not a site of Example',
    ],
    [
      'a shared host (private suffix)',
      'example.github.io',
      'brand-elsewhere',
      'This page is on example.github.io, which is not a site of Example',
    ],
    [
      'a plain http page',
      'login.example.org',
      'insecure-page',
      'This page (http://login.example.org:PORT) is not secure',
    ],
  ])('an unbound account on %s gets the warning, with its reason', async (_, host, reason, text) => {
    const { page, tabId } = await open(at(host));
    expect((await sendFromPage(setup, 'fill.code', { id: home, tabId })).value).toMatchObject({
      filled: false,
      reason: 'confirm-site',
      bound: [],
      warning: reason,
    });
    const popup = await openPopupWindow(tessera, tabId);
    await popup.getByRole('button', { name: /^Copy the code for Example home / }).click();
    const warning = popup.getByRole('alertdialog', { name: 'This may be a phishing page' });
    await warning.getByText(text.replace('PORT', String(demo.port)), { exact: false }).waitFor();
    await expect.poll(() => focused(popup)).toBe("Don't fill");
    expect(await warning.getByRole('checkbox', { name: /^Remember/ }).isChecked()).toBe(false);
    await popup.keyboard.press('Enter');
    await warning.waitFor({ state: 'detached' });
    expect(await received(page)).toBe('');
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('the document is pinned between the check and the fill', () => {
  /**
   * Makes the tab navigate to `url` right after its top frame answered "detect", before the fill
   * service sends the code, and injects the fill agent into the new document (as a second fill
   * would), so that only the pin, not a missing listener, keeps the code from it.
   */
  async function navigateAfterDetect(tabId: number, url: string) {
    await tessera.worker.evaluate(
      ([tabId, url]) => {
        type Tabs = {
          sendMessage(id: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
          update(id: number, change: object): Promise<unknown>;
          onUpdated: {
            addListener(listener: (id: number, info: { status?: string }) => void): void;
            removeListener(listener: (id: number, info: { status?: string }) => void): void;
          };
        };
        const chrome = (
          globalThis as unknown as { chrome: { tabs: Tabs; scripting: { executeScript(o: object): Promise<unknown> } } }
        ).chrome;
        const original = chrome.tabs.sendMessage;
        chrome.tabs.sendMessage = async (id, message, options) => {
          const answer = await original.call(chrome.tabs, id, message, options);
          if (id !== tabId || (message as { type?: string }).type !== 'tessera.detect' || options?.frameId !== 0)
            return answer;
          chrome.tabs.sendMessage = original;
          await new Promise<void>((resolve) => {
            const loaded = (updated: number, info: { status?: string }) => {
              if (updated !== tabId || info.status !== 'complete') return;
              chrome.tabs.onUpdated.removeListener(loaded);
              resolve();
            };
            chrome.tabs.onUpdated.addListener(loaded);
            void chrome.tabs.update(tabId, { url });
          });
          await chrome.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/otp-fill.js'] });
          return answer;
        };
      },
      [tabId, url] as const,
    );
  }

  it.each([
    ['another document of the same origin', 'accounts.example.com'],
    ['a page of another origin', 'forms.example.com'],
  ])('navigating to %s refuses, and the new page gets nothing', async (_, host) => {
    const { page, tabId } = await open(at('accounts.example.com'));
    const origin = `http://accounts.example.com:${demo.port}`;
    await navigateAfterDetect(tabId, at(host, '/test/fill/named'));
    expect((await sendFromPage(setup, 'fill.code', { id: work, tabId, confirmOrigin: origin })).value).toEqual({
      filled: false,
      reason: 'navigated',
    });
    expect(page.url()).toBe(at(host, '/test/fill/named'));
    expect(await received(page)).toBe('');
    // Unchanged since, the same page fills.
    expect((await sendFromPage(setup, 'fill.code', { id: work, tabId, confirmOrigin: origin })).value).toMatchObject(
      host === 'accounts.example.com' ? { filled: true } : { reason: 'confirm-site', warning: 'other-origin' },
    );
    await page.close();
  });
});

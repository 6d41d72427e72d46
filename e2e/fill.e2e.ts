/**
 * Filling one-time codes: through the `fill.code` message, from the popup, with the keyboard
 * command and with the field menu. Each demo page's own script reports what it received, and
 * that must be the code computed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import { validCodes } from '../tests/valid-codes';
import { siteOf } from '../utils/core/fill/site-of';
import { axeViolations } from './axe';
import {
  fillWithoutPopup,
  launchWithVault,
  openPopupWindow,
  sendFromPage,
  startDemoServer,
  tabIdOf,
  type DemoServer,
  type Tessera,
  unlock,
} from './harness';

const TOTP: Account = {
  type: 'totp',
  issuer: 'Demo',
  label: 'alice',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};
const STEAM: Account = {
  type: 'steam',
  issuer: 'Steam',
  label: 'gamer',
  secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
  algorithm: 'SHA1',
  digits: 5,
  period: 30,
};

let tessera: Tessera;
let demo: DemoServer;
let other: DemoServer;
let setup: Page;
const ids: Record<string, string> = {};

beforeAll(async () => {
  let launched: Awaited<ReturnType<typeof launchWithVault>>;
  [launched, demo, other] = await Promise.all([
    launchWithVault({ accounts: [TOTP, STEAM] }),
    startDemoServer(),
    startDemoServer(),
  ]);
  ({ tessera, popup: setup } = launched);
  [ids.totp, ids.steam] = launched.ids as [string, string];
});
afterAll(async () => {
  await Promise.all([tessera?.close(), demo?.close(), other?.close()]);
});

/** Fills as a user who agreed to fill on the demo site (the confirmation itself is tested below). */
async function fill(name: string, account: Account) {
  const page = await tessera.context.newPage();
  await page.goto(`${demo.url}/test/fill/${name}?port=${other.port}`);
  const reply = await sendFromPage(setup, 'fill.code', {
    id: ids[account.type],
    tabId: await tabIdOf(tessera, page.url()),
    confirmOrigin: new URL(page.url()).origin,
  });
  return { page, reply, codes: await codesAt(page, account) };
}

/** The codes `account` may have filled, at the page's time. */
async function codesAt(page: Page, account: Account): Promise<string[]> {
  return validCodes(account, await page.evaluate(() => Date.now()));
}

async function received(page: Page, frame?: string): Promise<string> {
  const scope = frame ? page.frameLocator(frame) : page;
  return (await scope.locator('#received').textContent()) ?? '';
}

describe('filling a one-time code', () => {
  it.each([
    ['one-time-code', 'single'],
    ['named', 'single'],
    ['tel', 'single'],
    ['number', 'single'],
    ['hidden-widget', 'single'],
    ['controlled', 'single'],
    ['react', 'single'],
    ['vue-style', 'single'],
    ['shadow', 'single'],
    ['split6', 'split'],
    ['split6-no-paste', 'split'],
  ])('fills %s (%s) and the page receives the code', async (name, how) => {
    const { page, reply, codes } = await fill(name, TOTP);
    expect(reply.value).toEqual({ filled: true, how, site: siteOf(demo.url) });
    expect(codes).toContain(await received(page));
    await page.close();
  });

  it("fills Steam's five boxes with its letters", async () => {
    const { page, reply, codes } = await fill('steam5', STEAM);
    expect(reply.value).toEqual({ filled: true, how: 'split', site: siteOf(demo.url) });
    expect(codes).toContain(await received(page));
    await page.close();
  });

  it('fills a same-origin iframe, and a cross-origin one only after the user agreed to that frame', async () => {
    const same = await fill('iframe', TOTP);
    expect(same.reply.value).toEqual({ filled: true, how: 'single', site: siteOf(demo.url) });
    expect(same.codes).toContain(await received(same.page, 'iframe'));
    await same.page.close();
    const cross = await fill('cross-origin-iframe', TOTP);
    const frame = `http://127.0.0.1:${other.port}`;
    expect(cross.reply.value).toEqual({ filled: false, reason: 'confirm-frame', site: siteOf(demo.url), frame });
    expect(await received(cross.page, 'iframe')).toBe('');
    const payload = { id: ids.totp, tabId: await tabIdOf(tessera, cross.page.url()), confirmOrigin: demo.url };
    // A yes for another origin is no yes for this one.
    expect(
      (await sendFromPage(setup, 'fill.code', { ...payload, confirmFrame: 'http://127.0.0.1:1' })).value,
    ).toMatchObject({ reason: 'confirm-frame' });
    expect((await sendFromPage(setup, 'fill.code', { ...payload, confirmFrame: frame })).value).toEqual({
      filled: true,
      how: 'single',
      site: siteOf(demo.url),
    });
    expect(cross.codes).toContain(await received(cross.page, 'iframe'));
    await cross.page.close();
  });

  it('fills only the authenticator field among decoys', async () => {
    const { page, reply, codes } = await fill('decoys', TOTP);
    expect(reply.value).toEqual({ filled: true, how: 'single', site: siteOf(demo.url) });
    const text = await received(page);
    expect(codes.map((code) => `recovery= coupon= sms= totp=${code}`)).toContain(text);
    await page.close();
  });

  it('says when a page has no code field', async () => {
    const page = await tessera.context.newPage();
    await page.goto(`${demo.url}/`);
    expect(
      (await sendFromPage(setup, 'fill.code', { id: ids.totp, tabId: await tabIdOf(tessera, page.url()) })).value,
    ).toEqual({ filled: false, reason: 'no-field' });
    await page.close();
  });

  it('asks before the first fill on a site, remembers it if told, and warns on another site (phishing)', async () => {
    const id = (
      (await sendFromPage(setup, 'accounts.add', { account: { ...TOTP, issuer: 'Bound', secret: 'GEZDGNBVGY3TQOJQ' } }))
        .value as { id: string }
    ).id;
    const home = await tessera.context.newPage();
    await home.goto(`${demo.url}/test/fill/one-time-code`);
    const homeTab = await tabIdOf(tessera, home.url());
    const homeSite = siteOf(home.url())!;
    expect((await sendFromPage(setup, 'fill.code', { id, tabId: homeTab })).value).toEqual({
      filled: false,
      reason: 'confirm-site',
      origin: demo.url,
      site: homeSite,
      bound: [],
    });
    expect(await received(home)).toBe('');
    expect(
      (await sendFromPage(setup, 'fill.code', { id, tabId: homeTab, confirmOrigin: demo.url, remember: 'origin' }))
        .value,
    ).toMatchObject({ filled: true });
    await home.reload();
    expect((await sendFromPage(setup, 'fill.code', { id, tabId: homeTab })).value).toMatchObject({
      filled: true,
      site: homeSite,
    });
    await home.close();

    // The same page on another origin: localhost on the second server's port.
    const lookalike = await tessera.context.newPage();
    await lookalike.goto(`http://localhost:${other.port}/test/fill/one-time-code`);
    const lookalikeTab = await tabIdOf(tessera, lookalike.url());
    const lookalikeOrigin = `http://localhost:${other.port}`;
    expect((await sendFromPage(setup, 'fill.code', { id, tabId: lookalikeTab })).value).toEqual({
      filled: false,
      reason: 'confirm-site',
      origin: lookalikeOrigin,
      site: `localhost:${other.port}`,
      bound: [demo.url],
      warning: 'elsewhere',
    });
    expect(await received(lookalike)).toBe('');
    expect(
      (await sendFromPage(setup, 'fill.code', { id, tabId: lookalikeTab, confirmOrigin: lookalikeOrigin })).value,
    ).toMatchObject({ filled: true });
    await lookalike.close();
  });

  it('from the popup: a click asks on a new site, fills on yes, and warns on a look-alike', async () => {
    await sendFromPage(setup, 'accounts.add', {
      account: { ...TOTP, issuer: 'Clicked', label: 'bob', secret: 'MFRGGZDFMZTWQ2LK' },
    });
    const page = await tessera.context.newPage();
    await page.goto(`${demo.url}/test/fill/split6`);
    const popup = await openPopupWindow(tessera, await tabIdOf(tessera, page.url()));
    await popup.getByRole('button', { name: /^Copy the code for Clicked bob / }).click();
    const ask = popup.getByRole('alertdialog', { name: `Fill on ${demo.url}?` });
    await ask.getByRole('checkbox', { name: `Remember ${demo.url} for Clicked: bob` }).waitFor();
    await ask.getByRole('button', { name: 'Fill', exact: true }).click();
    await popup.getByText('Filled the code for Clicked: bob').waitFor();
    expect(await codesAt(page, { ...TOTP, secret: 'MFRGGZDFMZTWQ2LK' })).toContain(await received(page));
    await popup.close();

    const lookalike = await tessera.context.newPage();
    await lookalike.goto(`http://localhost:${other.port}/test/fill/split6`);
    const warned = await openPopupWindow(tessera, await tabIdOf(tessera, lookalike.url()));
    await warned.getByRole('button', { name: /^Copy the code for Clicked bob / }).click();
    const warning = warned.getByRole('alertdialog', { name: 'This may be a phishing page' });
    await warning
      .getByText(`Clicked: bob is used on ${demo.url} only, but this page is http://localhost:${other.port}.`, {
        exact: false,
      })
      .waitFor();
    // The safe answer has the focus: Enter does not fill.
    await expect.poll(() => warned.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Don't fill");
    await warned.keyboard.press('Enter');
    await warning.waitFor({ state: 'detached' });
    expect(await received(lookalike)).toBe('');
    await warned.close();

    const nothing = await tessera.context.newPage();
    await nothing.goto(`${demo.url}/`);
    const told = await openPopupWindow(tessera, await tabIdOf(tessera, nothing.url()));
    await told.getByRole('button', { name: /^Copy the code for Clicked bob / }).click();
    await told.getByText('No code field found on this page.', { exact: false }).waitFor();
    await Promise.all([told.close(), nothing.close(), page.close(), lookalike.close()]);
  });

  it('the demo site end to end: scan its QR code (remembering the site), confirm with a filled code, sign in with a filled code', async () => {
    const page = await tessera.context.newPage();
    await page.goto(`${demo.url}/enable-2fa`);
    const tabId = await tabIdOf(tessera, page.url());
    const popup = await openPopupWindow(tessera, tabId);
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    await popup.getByRole('heading', { name: 'Found 1 account' }).waitFor();
    expect(
      await popup
        .getByRole('checkbox', { name: `Remember ${new URL(page.url()).origin} for the accounts found there` })
        .isChecked(),
    ).toBe(true);
    await popup.getByRole('button', { name: 'Add 1 account' }).click();
    // Scanned on this site and remembered: the first fill needs no question.
    await popup.getByRole('button', { name: /^Copy the code for Tessera Demo / }).click();
    await popup.getByText('Filled the code for Tessera Demo', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Two-factor authentication is on').first().waitFor();
    await popup.close();

    await page.goto(`${demo.url}/login`);
    const again = await openPopupWindow(tessera, tabId);
    // The site was remembered: no question this time.
    await again.getByRole('button', { name: /^Copy the code for Tessera Demo / }).click();
    await again.getByText('Filled the code for Tessera Demo', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Signed in').waitFor();
    await Promise.all([again.close(), page.close()]);
  });
});

describe('filling without the popup: the keyboard command and the field menu', () => {
  // These pages are on the second server (127.0.0.1:OTHER), where no account is bound yet.
  const open = async (name: string) => {
    const page = await tessera.context.newPage();
    await page.goto(`http://127.0.0.1:${other.port}/test/fill/${name}`);
    return { page, tabId: await tabIdOf(tessera, page.url()) };
  };

  it('a popup click asks about a cross-origin frame, then about the site (axe clean), and fills', async () => {
    const page = await tessera.context.newPage();
    await page.goto(`${demo.url}/test/fill/cross-origin-iframe?port=${other.port}`);
    const popup = await openPopupWindow(tessera, await tabIdOf(tessera, page.url()));
    // Where focus is as the question is drawn (a mutation observer runs before the next frame):
    // "Don't fill" at once, never a moment where Enter on the copy button would copy again.
    await popup.evaluate(() => {
      const seen = window as unknown as { focusAtQuestion?: string };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[role="alertdialog"]')) return;
        seen.focusAtQuestion = document.activeElement?.textContent?.trim();
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await popup.getByRole('button', { name: /^Copy the code for Demo alice / }).click();
    const frameQuestion = popup.getByRole('alertdialog', { name: 'Fill into a frame from another site?' });
    await frameQuestion.getByText(`inside a frame from http://127.0.0.1:${other.port}`, { exact: false }).waitFor();
    expect(await popup.evaluate(() => (window as unknown as { focusAtQuestion?: string }).focusAtQuestion)).toBe(
      "Don't fill",
    );
    expect(await axeViolations(popup)).toEqual([]);
    await frameQuestion.getByRole('button', { name: 'Fill anyway' }).click();
    const siteQuestion = popup.getByRole('alertdialog', { name: `Fill on ${demo.url}?` });
    await siteQuestion.getByRole('checkbox', { name: `Remember ${demo.url} for Demo: alice` }).uncheck();
    await siteQuestion.getByRole('button', { name: 'Fill', exact: true }).click();
    await popup.getByText('Filled the code for Demo: alice').waitFor();
    expect(await codesAt(page, TOTP)).toContain(await received(page, 'iframe'));
    await Promise.all([popup.close(), page.close()]);
  });

  it('the command fills the one account bound to the page, with no popup', async () => {
    const { page, tabId } = await open('one-time-code');
    expect(
      (
        await sendFromPage(setup, 'fill.code', {
          id: ids.totp,
          tabId,
          confirmOrigin: `http://127.0.0.1:${other.port}`,
          remember: 'origin',
        })
      ).value,
    ).toMatchObject({ filled: true });
    await page.reload();
    await fillWithoutPopup(tessera, tabId);
    await expect.poll(() => received(page)).toMatch(/^\d{6}$/);
    expect(await codesAt(page, TOTP)).toContain(await received(page));
    await page.close();
  });

  it('the field menu fills the field right-clicked, even one nothing marks as a code field', async () => {
    const { page, tabId } = await open('menu');
    await page.getByLabel('Response').focus();
    await fillWithoutPopup(tessera, tabId, 0);
    await expect.poll(() => received(page)).toMatch(/^\d{6}$/);
    expect(await codesAt(page, TOTP)).toContain(await received(page));
    expect(await page.getByLabel('Username').inputValue()).toBe('alice');
    await page.close();
  });

  it('the field menu on a decoy fills nothing, and the popup says why', async () => {
    const { page, tabId } = await open('decoys');
    await page.getByLabel('Recovery code').focus();
    await fillWithoutPopup(tessera, tabId, 0);
    // The menu's work runs on in the worker: open the popup once it has left the fill for it.
    const pendingFill = () =>
      tessera.worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
        };
        return (await chrome.storage.session.get('pendingFill')).pendingFill ?? null;
      });
    await expect.poll(pendingFill).not.toBeNull();
    const popup = await openPopupWindow(tessera, tabId);
    await popup.getByText('No code field found on this page for Demo: alice.', { exact: false }).waitFor();
    expect(await received(page)).toBe('');
    await Promise.all([popup.close(), page.close()]);
  });

  it('pressed while locked, the command fills once the popup is unlocked', async () => {
    const { page, tabId } = await open('split6');
    await sendFromPage(setup, 'vault.lock');
    await fillWithoutPopup(tessera, tabId);
    const popup = await openPopupWindow(tessera, tabId);
    await unlock(popup);
    await popup.getByText('Filled the code for Demo: alice').waitFor();
    expect(await codesAt(page, TOTP)).toContain(await received(page));
    await Promise.all([popup.close(), page.close()]);
  });

  it('with several accounts bound to the page, the popup lists them (axe clean) and fills the one chosen', async () => {
    const carol = { ...TOTP, issuer: 'Second', label: 'carol', secret: 'ORSXG5DJNZTSA2LT' };
    const id = ((await sendFromPage(setup, 'accounts.add', { account: carol })).value as { id: string }).id;
    const { page, tabId } = await open('one-time-code');
    expect(
      (
        await sendFromPage(setup, 'fill.code', {
          id,
          tabId,
          confirmOrigin: `http://127.0.0.1:${other.port}`,
          remember: 'origin',
        })
      ).value,
    ).toMatchObject({ filled: true });
    await page.reload();
    await fillWithoutPopup(tessera, tabId);
    const popup = await openPopupWindow(tessera, tabId);
    const chooser = popup.getByRole('dialog', { name: `Fill a code on 127.0.0.1:${other.port}` });
    await chooser.getByRole('button', { name: 'Demo: alice' }).waitFor();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Demo: alice');
    expect(await axeViolations(popup)).toEqual([]);
    expect(await received(page)).toBe('');
    await chooser.getByRole('button', { name: 'Second: carol' }).click();
    await popup.getByText('Filled the code for Second: carol').waitFor();
    await chooser.waitFor({ state: 'detached' });
    expect(await codesAt(page, carol)).toContain(await received(page));
    await Promise.all([popup.close(), page.close()]);
  });
});

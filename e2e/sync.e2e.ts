/**
 * Sync through the browser (issue 17) in two Chromium profiles. Chromium here has no Google
 * account, so the test plays the browser's sync service: a server holding one value per key,
 * last writer wins, which each profile pushes its storage.sync changes to and pulls from
 * (`chrome.storage.sync.get(null)` in one worker, `set`/`remove` in the other). Rounds run
 * through "Sync now" (the button once, then its message, so no test waits for the debounce).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../utils/core/otp/otpauth-uri';
import { findFirefox } from '../scripts/find-firefox';
import { expectCode } from './expect-code';
import { launchFirefox } from './firefox';
import {
  E2E_PASSPHRASE,
  FIREFOX_BUILD,
  launchTessera,
  launchWithVault,
  openPopup,
  sendFromPage,
  type Tessera,
} from './harness';

const GITHUB = 'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub';
const MAIL = 'otpauth://totp/Mail:me%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Mail';
const CLOUD = 'otpauth://totp/Cloud:ops?secret=KRSXG5CTMVRXEZLU&issuer=Cloud';

type Items = Record<string, unknown>;
interface SyncArea {
  storage: {
    sync: { get(keys: null): Promise<Items>; set(items: Items): Promise<void>; remove(keys: string[]): Promise<void> };
  };
}

/** The browser's sync service, as the test plays it: one value per key, the last push wins. */
class SyncServer {
  private readonly items = new Map<string, unknown>();
  /** What each profile held after its last exchange, to tell its own changes from the server's. */
  private readonly seen = new Map<Tessera, Items>();

  async read(profile: Tessera): Promise<Items> {
    return profile.worker.evaluate(() => (globalThis as unknown as { chrome: SyncArea }).chrome.storage.sync.get(null));
  }

  /** The profile's changes since its last exchange go up (set or removed), overwriting what was there. */
  async push(profile: Tessera): Promise<void> {
    const now = await this.read(profile);
    const before = this.seen.get(profile) ?? {};
    for (const [key, value] of Object.entries(now))
      if (JSON.stringify(before[key]) !== JSON.stringify(value)) this.items.set(key, value);
    for (const key of Object.keys(before)) if (!(key in now)) this.items.delete(key);
  }

  /** The profile's storage.sync becomes the server's. */
  async pull(profile: Tessera): Promise<void> {
    const now = await this.read(profile);
    const set = Object.fromEntries(
      [...this.items].filter(([key, value]) => JSON.stringify(now[key]) !== JSON.stringify(value)),
    );
    const remove = Object.keys(now).filter((key) => !this.items.has(key));
    await profile.worker.evaluate(
      async ([set, remove]) => {
        const area = (globalThis as unknown as { chrome: SyncArea }).chrome.storage.sync;
        if (Object.keys(set).length) await area.set(set);
        if (remove.length) await area.remove(remove);
      },
      [set, remove] as const,
    );
    this.seen.set(profile, Object.fromEntries(this.items));
  }

  /** Changes an item on the server, as someone with access to the browser account could. */
  tamper(key: string, change: (value: string) => string): void {
    this.items.set(key, change(String(this.items.get(key))));
  }

  keys(): string[] {
    return [...this.items.keys()];
  }
}

/** Sync now (the message the button sends); fails on an error answer. */
async function syncNow(page: Page): Promise<void> {
  const reply = await sendFromPage(page, 'sync.now');
  if (!reply.ok) throw new Error(`sync.now failed: ${reply.error?.message}`);
}

/** The accounts a popup's worker lists, as "issuer label", sorted. */
async function names(page: Page): Promise<string[]> {
  const reply = await sendFromPage(page, 'accounts.list');
  return (reply.value as { issuer: string; label: string }[]).map(({ issuer, label }) => `${issuer} ${label}`).sort();
}

/** The id of the account `issuer`, as the worker lists it. */
async function idOf(page: Page, issuer: string): Promise<string> {
  const reply = await sendFromPage(page, 'accounts.list');
  return (reply.value as { id: string; issuer: string }[]).find((account) => account.issuer === issuer)!.id;
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
}

describe('sync between two Chromium profiles', () => {
  const server = new SyncServer();
  let first: Tessera;
  let second: Tessera;
  let popupA: Page;
  let popupB: Page;

  /** Both devices sync, then exchange through the server, then sync again to merge what came. */
  async function exchange(): Promise<void> {
    await syncNow(popupA);
    await syncNow(popupB);
    await server.push(first);
    await server.push(second);
    await server.pull(first);
    await server.pull(second);
    await syncNow(popupA);
    await syncNow(popupB);
  }

  beforeAll(async () => {
    ({ tessera: first, popup: popupA } = await launchWithVault({ accounts: [GITHUB, MAIL] }));
    second = await launchTessera();
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('turns sync on in Settings, which writes only ciphertext under Tessera keys', async () => {
    await openSettings(popupA);
    const checkbox = popupA.getByRole('checkbox', { name: 'Sync accounts through your browser' });
    expect(await checkbox.isChecked()).toBe(false);
    // Not check(): the box follows the worker's answer, which comes a moment after the click.
    await checkbox.click();
    await popupA.getByRole('button', { name: 'Sync now' }).click();
    expect(await checkbox.isChecked()).toBe(true);
    await popupA.getByText(/^Last synced: /).waitFor();
    await popupA.getByText(/^Devices: .+ \(this device\)$/).waitFor();
    await server.push(first);
    expect(server.keys()).toContain('t.h');
    const synced = JSON.stringify(await server.read(first));
    for (const secret of ['GEZDGNBVGY3TQOJQ', 'JBSWY3DPEHPK3PXP', 'octocat']) expect(synced).not.toContain(secret);
  });

  it('joins from the second profile with the passphrase, refusing a wrong one; codes are equal on both', async () => {
    await server.pull(second);
    popupB = await openPopup(second);
    const form = popupB.getByRole('form', { name: 'Enter the passphrase of your synced vault' });
    await form.getByLabel('Passphrase').fill('not the passphrase');
    await form.getByRole('button', { name: 'Use synced vault' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('That passphrase is not right.');
    // Refused as at unlock: nothing was written.
    expect(
      await second.worker.evaluate(async () =>
        Object.keys(
          await (
            globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<Items> } } } }
          ).chrome.storage.local.get(null),
        ),
      ),
    ).not.toContain('vault');
    await form.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await form.getByRole('button', { name: 'Use synced vault' }).click();
    await form.waitFor({ state: 'detached' });
    await popupA.reload();
    for (const uri of [GITHUB, MAIL]) {
      await expectCode(popupB, parseOtpauthUri(uri));
      await expectCode(popupA, parseOtpauthUri(uri));
    }
    expect(await names(popupB)).toEqual(await names(popupA));
  });

  it('keeps concurrent offline edits of both profiles', async () => {
    // Offline: each profile changes its vault without hearing of the other's change.
    expect(await sendFromPage(popupA, 'accounts.add', { uri: CLOUD })).toMatchObject({ ok: true });
    const github = await idOf(popupB, 'GitHub');
    expect(
      await sendFromPage(popupB, 'accounts.update', { id: github, changes: { label: 'octocat-renamed' } }),
    ).toMatchObject({ ok: true });
    await exchange();
    const both = ['Cloud ops', 'GitHub octocat-renamed', 'Mail me@example.com'];
    expect(await names(popupA)).toEqual(both);
    expect(await names(popupB)).toEqual(both);
  });

  it('a deletion wins over an older edit, and a newer edit wins over a deletion', async () => {
    // Mail: edited on B, then deleted on A (later): gone. Cloud: deleted on A, then edited on B: kept.
    const [mailB, cloudA] = [await idOf(popupB, 'Mail'), await idOf(popupA, 'Cloud')];
    await sendFromPage(popupB, 'accounts.update', { id: mailB, changes: { label: 'older edit' } });
    await sendFromPage(popupA, 'accounts.remove', { id: await idOf(popupA, 'Mail') });
    await sendFromPage(popupA, 'accounts.remove', { id: cloudA });
    await sendFromPage(popupB, 'accounts.update', {
      id: await idOf(popupB, 'Cloud'),
      changes: { label: 'newer edit' },
    });
    await exchange();
    const both = ['Cloud newer edit', 'GitHub octocat-renamed'];
    expect(await names(popupA)).toEqual(both);
    expect(await names(popupB)).toEqual(both);
  });

  it('ignores tampered synced data with a notice, leaving local accounts as they were', async () => {
    await sendFromPage(popupB, 'accounts.add', { uri: MAIL });
    await syncNow(popupB);
    await server.push(second);
    const deviceB = await second.worker.evaluate(async () =>
      String(
        Object.values(
          await (
            globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Items> } } } }
          ).chrome.storage.local.get('syncDevice'),
        )[0],
      ),
    );
    const chunk = server.keys().find((key) => key.startsWith(`t.d.${deviceB}.`))!;
    // One base64 character of the ciphertext changed: the GCM tag no longer verifies.
    server.tamper(chunk, (value) => value.slice(0, -6) + (value.at(-6) === 'A' ? 'B' : 'A') + value.slice(-5));
    const before = await names(popupA);
    await server.pull(first);
    await popupA.reload();
    await openSettings(popupA);
    await popupA.getByRole('button', { name: 'Sync now' }).click();
    await popupA
      .getByRole('status')
      .filter({
        hasText: /^Synced data from .+ failed its checks and was ignored; your accounts here are unchanged\.$/,
      })
      .waitFor();
    expect(await names(popupA)).toEqual(before);
    expect(before).not.toContain('Mail me@example.com');
  });

  it('pauses with a message naming the bytes when the quota would be exceeded; local use goes on', async () => {
    // 800 accounts with long random secrets and labels: more than 100 KB even compressed.
    const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const random = (length: number) => Array.from({ length }, () => base32[Math.floor(Math.random() * 32)]).join('');
    const links = Array.from(
      { length: 800 },
      (_, i) => `otpauth://totp/Bulk%20${i}:${random(40)}?secret=${random(128)}&issuer=Bulk%20${i}`,
    );
    const read = await sendFromPage(popupA, 'import.file', { data: Buffer.from(links.join('\n')).toString('base64') });
    const preview = read.value as { nonce: string; accounts: { key: string }[] };
    const added = await sendFromPage(popupA, 'preview.confirm', {
      nonce: preview.nonce,
      choices: preview.accounts.map(({ key }) => ({ key, action: 'add' })),
    });
    expect(added).toMatchObject({ ok: true });
    await popupA.getByRole('button', { name: 'Sync now' }).click();
    const alert = popupA.getByRole('alert').filter({ hasText: /^Sync is paused: your accounts need [\d,]+ bytes/ });
    await alert.waitFor();
    const needed = Number(/need ([\d,]+) bytes/.exec((await alert.textContent())!)![1]!.replace(/,/g, ''));
    expect(needed).toBeGreaterThan(102_400);
    expect(await alert.textContent()).toContain('102,400 bytes');
    // Local use is unharmed: every account is there, codes show.
    expect((await names(popupA)).length).toBe(802);
    await popupA.reload();
    await expectCode(popupA, parseOtpauthUri(GITHUB.replace('octocat', 'octocat-renamed')));
  });
});

const firefox = findFirefox();

/** Sends a message from a Firefox extension page, as the popup does; the reply as the background gives it. */
const message = (type: string, payload?: unknown) =>
  `return await browser.runtime.sendMessage(${JSON.stringify({ type, payload })});`;

describe.skipIf(!firefox)('joining a synced vault in Firefox (WebDriver BiDi)', () => {
  it('a second Firefox profile sees the synced vault, refuses a wrong passphrase, and joins with the right one', async () => {
    const passphrase = 'tessera firefox sync passphrase';
    // The first profile: a vault with an account, sync on; its storage.sync is what the server gets.
    let items: Items;
    const one = await launchFirefox(firefox!, FIREFOX_BUILD);
    try {
      const popup = await one.openExtensionPage('popup.html');
      expect(await one.evaluate(popup, message('vault.create', { passphrase }))).toMatchObject({ ok: true });
      expect(await one.evaluate(popup, message('accounts.add', { uri: GITHUB }))).toMatchObject({ ok: true });
      expect(await one.evaluate(popup, message('sync.enable'))).toMatchObject({ ok: true, value: { enabled: true } });
      items = await one.evaluate<Items>(popup, 'return await browser.storage.sync.get(null);');
    } finally {
      await one.close();
    }
    expect(Object.keys(items)).toContain('t.h');

    const two = await launchFirefox(firefox!, FIREFOX_BUILD);
    try {
      const popup = await two.openExtensionPage('popup.html');
      await two.evaluate(popup, `await browser.storage.sync.set(${JSON.stringify(items)}); return true;`);
      await two.send('browsingContext.reload', { context: popup, wait: 'complete' });
      const heading = await two.evaluate<string>(
        popup,
        `while (!document.querySelector('#join-title')) await new Promise((resolve) => setTimeout(resolve, 50));
         return document.querySelector('#join-title').textContent;`,
      );
      expect(heading).toBe('Enter the passphrase of your synced vault');
      expect(await two.evaluate(popup, message('vault.join', { passphrase: 'wrong passphrase' }))).toMatchObject({
        ok: false,
        error: { code: 'wrong-passphrase' },
      });
      expect(await two.evaluate(popup, 'return Object.keys(await browser.storage.local.get(null));')).not.toContain(
        'vault',
      );
      expect(await two.evaluate(popup, message('vault.join', { passphrase }))).toMatchObject({
        ok: true,
        value: { state: 'unlocked' },
      });
      const listed = await two.evaluate<{ ok: boolean; value: { issuer: string; label: string }[] }>(
        popup,
        message('accounts.list'),
      );
      expect(listed.value.map(({ issuer, label }) => `${issuer} ${label}`)).toEqual(['GitHub octocat']);
    } finally {
      await two.close();
    }
  }, 120_000);
});

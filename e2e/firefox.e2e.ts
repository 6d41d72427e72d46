/**
 * Tessera's Firefox build in Firefox (Debian's firefox-esr, driven over WebDriver BiDi): the
 * popup and options pages load under the extension CSP, the background answers, the vault is
 * created with Argon2id (WebAssembly), the key lives in storage.session, codes equal ones computed
 * here, an encrypted 2FAS backup imports and an encrypted Ente export opens (libsodium).
 * Skipped, with a note, when no Firefox is found.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFirefox } from '../scripts/find-firefox';
import { enteEncryptedExport } from '../tests/import-fixtures';
import { fixturePath } from '../tests/shared-fixtures';
import { toBase64 } from '../utils/core/internal/bytes';
import { validCodes } from '../tests/valid-codes';
import { parseOtpauthUri } from '../utils/core/otp/otpauth-uri';
import { launchFirefox, type Firefox } from './firefox';
import { FIREFOX_BUILD } from './harness';

const executable = findFirefox();
const GITHUB = 'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub';
const STEAM = 'otpauth://steam/Steam:gamer?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam';

/** Sends a message from an extension page, as the popup does; the reply as the background gives it. */
const message = (type: string, payload?: unknown) =>
  `return await browser.runtime.sendMessage(${JSON.stringify({ type, payload })});`;

describe.skipIf(!executable)('Tessera in Firefox (WebDriver BiDi)', () => {
  let firefox: Firefox;
  let popup: string;

  beforeAll(async () => {
    firefox = await launchFirefox(executable!, FIREFOX_BUILD);
    popup = await firefox.openExtensionPage('popup.html');
  }, 60_000);
  afterAll(() => firefox?.close());

  it('creates a vault (Argon2id under the extension CSP), adds accounts, and shows their codes', async () => {
    expect(await firefox.evaluate(popup, `return document.querySelector('h1')?.textContent;`)).toBe('Tessera');
    expect(
      await firefox.evaluate(popup, message('vault.create', { passphrase: 'tessera firefox passphrase' })),
    ).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    for (const uri of [GITHUB, STEAM])
      expect(await firefox.evaluate(popup, message('accounts.add', { uri }))).toMatchObject({ ok: true });
    // Reopen the popup (a reload): it lists the accounts with their codes.
    await firefox.send('browsingContext.reload', { context: popup, wait: 'complete' });
    const shown = await firefox.evaluate<{ codes: string[]; now: number }>(
      popup,
      `while (document.querySelectorAll('.code').length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
       return { codes: [...document.querySelectorAll('.code')].map((code) => code.textContent.replace(/\\s/g, '')), now: Date.now() };`,
    );
    const expected = [GITHUB, STEAM].map((uri) => validCodes(parseOtpauthUri(uri), shown.now));
    expect(expected[0]).toContain(shown.codes[0]);
    expect(expected[1]).toContain(shown.codes[1]);
  });

  it("opens the sidebar's page (sidebar_action), which lists the accounts; the popup's settings offer it", async () => {
    const panel = await firefox.openExtensionPage('sidepanel.html');
    const codes = await firefox.evaluate<number>(
      panel,
      `while (document.querySelectorAll('.code').length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
       return document.querySelectorAll('.code').length;`,
    );
    expect(codes).toBe(2);
    const offered = await firefox.evaluate<string[]>(
      popup,
      `const named = (name) => [...document.querySelectorAll('button')].find(
         (button) => (button.getAttribute('aria-label') ?? button.textContent.trim()) === name);
       named('Settings').click();
       while (!document.querySelector('#settings-title')) await new Promise((resolve) => setTimeout(resolve, 50));
       const offered = [typeof browser.sidebarAction.open, named('Open in side panel')?.textContent ?? 'none'];
       named('Settings').click();
       return offered;`,
    );
    expect(offered).toEqual(['function', 'Open in side panel']);
  });

  it('keeps the key in storage.session only, and locks and unlocks', async () => {
    expect(await firefox.evaluate(popup, `return Object.keys(await browser.storage.session.get('vaultKey'));`)).toEqual(
      ['vaultKey'],
    );
    const local = await firefox.evaluate<Record<string, unknown>>(
      popup,
      `return await browser.storage.local.get(null);`,
    );
    expect(JSON.stringify(local)).not.toMatch(/GEZDGNBV|octocat|tessera firefox passphrase/);
    expect(await firefox.evaluate(popup, message('vault.lock'))).toMatchObject({
      ok: true,
      value: { state: 'locked' },
    });
    expect(await firefox.evaluate(popup, `return Object.keys(await browser.storage.session.get('vaultKey'));`)).toEqual(
      [],
    );
    expect(await firefox.evaluate(popup, message('vault.unlock', { passphrase: 'wrong passphrase' }))).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(
      await firefox.evaluate(popup, message('vault.unlock', { passphrase: 'tessera firefox passphrase' })),
    ).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('answers other messages while it checks a passphrase (Argon2id in a Worker the background page starts)', async () => {
    await firefox.evaluate(popup, message('vault.lock'));
    const timing = await firefox.evaluate<{ status: string; waited: number; unlockLeft: number; unlocked: string }>(
      popup,
      `const send = (message) => browser.runtime.sendMessage(message);
      const t0 = performance.now();
      const unlock = send({ type: 'vault.unlock', payload: { passphrase: 'tessera firefox passphrase' } });
      // 30 ms on: the test's tab is in the background, where Firefox runs timers at most once a second.
      while (performance.now() - t0 < 30) await send({ type: 'vault.status' });
      const slept = performance.now() - t0;
      const sent = performance.now();
      const status = (await send({ type: 'vault.status' })).value?.state;
      const answered = performance.now();
      const unlocked = (await unlock).value?.state;
      return { status, slept, waited: answered - sent, unlockLeft: performance.now() - answered, unlocked };`,
    );
    expect([timing.status, timing.unlocked], JSON.stringify(timing)).toEqual(['locked', 'unlocked']);
    expect(timing.waited * 3, JSON.stringify(timing)).toBeLessThan(timing.unlockLeft);
  });

  it('imports an encrypted 2FAS backup from the options page', async () => {
    const options = await firefox.openExtensionPage('options.html');
    expect(
      await firefox.evaluate(
        options,
        `while (!document.querySelector('#import-title')) await new Promise((resolve) => setTimeout(resolve, 50)); return document.querySelector('#import-title').textContent;`,
      ),
    ).toBe('Import accounts');
    const data = toBase64(readFileSync(fixturePath('aegis-importers/2fas_authenticator_encrypted_v4.2fas')));
    const preview = await firefox.evaluate<{ ok: boolean; value: { nonce: string; accounts: { key: string }[] } }>(
      options,
      message('import.file', { data, password: 'test' }),
    );
    expect(preview.value.accounts).toHaveLength(5);
    const choices = preview.value.accounts.map(({ key }) => ({ key, action: 'add' }));
    const { nonce } = preview.value;
    expect(await firefox.evaluate(options, message('preview.confirm', { nonce, choices }))).toEqual({
      ok: true,
      value: { added: 5, replaced: 0 },
    });
    const list = await firefox.evaluate<{ value: { issuer: string }[] }>(options, message('accounts.list'));
    expect(list.value.map((account) => account.issuer)).toEqual([
      'GitHub',
      'Steam',
      'Deno',
      'Issuu',
      'Air Canada',
      'WWE',
      'Boeing',
    ]);
  });

  it("opens an encrypted Ente export (libsodium's WebAssembly in Firefox's background)", async () => {
    const options = await firefox.openExtensionPage('options.html');
    const data = toBase64(await enteEncryptedExport('secret words'));
    const preview = await firefox.evaluate<{ ok: boolean; value: { format: string; accounts: unknown[] } }>(
      options,
      message('import.file', { data, password: 'secret words' }),
    );
    expect(preview).toMatchObject({ ok: true, value: { format: 'Ente Auth' } });
    expect(preview.value.accounts).toHaveLength(7);
  });
});

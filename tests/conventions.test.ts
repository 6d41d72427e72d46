/**
 * Checks the project's own conventions: that the lint rule guarding the pure core really fires
 * (a rule that silently stopped matching would let the layers rot), and that nothing but
 * utils/core/otp/otp.ts talks to otpauth.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the pure core stays pure', () => {
  it.each([
    ["import { browser } from 'wxt/browser';", 'no-restricted-imports'],
    ["import { storage } from '#imports';", 'no-restricted-imports'],
    ["import browser from 'webextension-polyfill';", 'no-restricted-imports'],
    ["import { h } from 'preact';", 'no-restricted-imports'],
    ["import { useState } from 'preact/hooks';", 'no-restricted-imports'],
    ["import { TOTP } from 'otpauth';", 'no-restricted-imports'],
    ["import { x } from '../../vault/vault-store';", 'no-restricted-imports'],
    ["import { x } from '@/utils/vault/vault-store';", 'no-restricted-imports'],
    ["import { App } from '~/components/App';", 'no-restricted-imports'],
    ['export const title = document.title;', 'no-restricted-globals'],
    ['export const id = chrome.runtime.id;', 'no-restricted-globals'],
    ['export const tabs = browser.tabs;', 'no-restricted-globals'],
    ['export const w = window.innerWidth;', 'no-restricted-globals'],
    ['export const el = new HTMLInputElement();', 'no-restricted-globals'],
  ])('rejects %s', async (code, rule) => {
    // A real core file's depth: every core module sits in a feature folder.
    expect((await problems('utils/core/otp/example.ts', code)).join('\n')).toContain(rule);
  });

  it('rejects climbing out of a nested core folder too', async () => {
    expect(
      await problems('utils/core/import/example.ts', "import { x } from '../../vault/vault-store';\nexport { x };"),
    ).toHaveLength(1);
    expect(await problems('utils/core/import/example.ts', "import { x } from '../otp/otp';\nexport { x };")).toEqual(
      [],
    );
  });

  it('accepts pure code: core imports, jsqr, crypto and URL', async () => {
    const code =
      "import { normaliseSecret } from './otp';\nimport jsQR from 'jsqr';\nexport const f = [normaliseSecret, jsQR, crypto.getRandomValues, URL, TextEncoder];";
    expect(await problems('utils/core/otp/example.ts', code)).toEqual([]);
  });

  it('lets otp.ts, and only otp.ts, import otpauth', async () => {
    const code = "import { TOTP } from 'otpauth';\nexport { TOTP };";
    expect(await problems('utils/core/otp/otp.ts', code)).toEqual([]);
    expect(await problems('components/Example.tsx', code)).toHaveLength(1);
  });

  it('allows browser APIs outside the core', async () => {
    expect(await problems('entrypoints/example.ts', 'export const tabs = browser.tabs;')).toEqual([]);
  });
});

describe('pages and the worker stay apart', () => {
  it.each([
    ['components/Example.tsx', "import { createVaultStore } from '../utils/vault/vault-store';"],
    ['components/Example.tsx', "import { settingsItem } from '../utils/vault/settings-item';"],
    ['components/Example.tsx', "import { scanTab } from '../utils/scan/tab-scanner';"],
    ['components/Example.tsx', "import { createMessageRouter } from '../utils/messaging/message-router';"],
    ['components/Example.tsx', "import { storage } from 'wxt/utils/storage';"],
    ['components/Example.tsx', "import { storage } from '#imports';"],
    ['hooks/useExample.ts', "import { createAccountsService } from '../utils/accounts/accounts-service';"],
    ['hooks/useExample.ts', "import { exportHandlers } from '../utils/transfer/export-handlers';"],
    ['utils/popup/example.ts', "import { registerBackground } from '../background/register-background';"],
    ['entrypoints/popup/example.ts', "import { createFillService } from '../../utils/fill/fill-service';"],
  ])('%s may not import the worker: %s', async (file, code) => {
    expect((await problems(file, `${code}\nexport const x = 1;`)).join('\n')).toContain('no-restricted-imports');
  });

  it.each([
    ['utils/vault/example.ts', "import { App } from '../../components/App';"],
    ['utils/scan/example.ts', "import { useScan } from '../../hooks/useScan';"],
    ['utils/fill/page/example.ts', "import { targetTabId } from '../../popup/target-tab';"],
    ['utils/background/example.ts', "import { render } from 'preact';"],
    ['utils/messaging/message-router.ts', "import { t } from '../popup/strength-hint';"],
    ['entrypoints/background.ts', "import { App } from '../components/App';"],
  ])('%s may not import popup code: %s', async (file, code) => {
    expect((await problems(file, `${code}\nexport const x = 1;`)).join('\n')).toContain('no-restricted-imports');
  });

  it('lets pages import the pure core, the message client, i18n and popup helpers', async () => {
    const code = [
      "import type { Messages } from '../utils/core/messaging/messages';",
      "import { THEMES } from '../utils/core/vault/settings';",
      "import { sendMessage } from '../utils/messaging/message-client';",
      "import { t } from '../utils/i18n/i18n';",
      "import { targetTabId } from '../utils/popup/target-tab';",
      'export const x = [THEMES, sendMessage, t, targetTabId] as unknown as Messages;',
    ].join('\n');
    expect(await problems('components/Example.tsx', code)).toEqual([]);
  });

  it('lets the worker import the core and its own folders', async () => {
    const code = [
      "import { siteOf } from '../core/fill/site-of';",
      "import { requireKey } from '../vault/session-key';",
      "import { t } from '../i18n/i18n';",
      'export const x = [siteOf, requireKey, t];',
    ].join('\n');
    expect(await problems('utils/scan/example.ts', code)).toEqual([]);
  });
});

describe('line length', () => {
  it('refuses code wider than 120 columns, but not a long URL', async () => {
    expect((await problems('utils/scan/example.ts', `export const x = [${'1, '.repeat(45)}1];`)).join('\n')).toContain(
      'max-len',
    );
    expect(
      await problems('utils/scan/example.ts', `// https://example.com/${'a'.repeat(130)}\nexport const x = 1;`),
    ).toEqual([]);
  });
});

describe('page code and the modules both sides share', () => {
  it.each([
    ['utils/fill/page/example.ts', "import { x } from '../fill-service';"],
    ['utils/fill/page/example.ts', "import { x } from '../../vault/vault-items';"],
    ['utils/scan/page/example.ts', "import { storage } from 'wxt/utils/storage';"],
    ['utils/scan/page/example.ts', "import { App } from '../../../components/App';"],
    ['utils/i18n/example.ts', "import { x } from '../vault/vault-items';"],
    ['utils/i18n/example.ts', "import { x } from '../popup/startup';"],
    ['utils/messaging/message-client.ts', "import { x } from '../background/active-tab';"],
    ['utils/messaging/message-client.ts', "import { x } from '../popup/target-tab';"],
    ['components/Example.tsx', "import { x } from '@/utils/core/otp/otp';"],
  ])('%s may not import: %s', async (file, code) => {
    expect((await problems(file, `${code}\nexport const y = 1;`)).join('\n')).toContain('no-restricted-imports');
  });

  it('lets page code import utils/core and its own folder', async () => {
    const code = [
      "import { findOtpFields } from '../../core/fill/otp-fields';",
      "import { fillInput } from './fill-code';",
      'export const x = [findOtpFields, fillInput];',
    ].join('\n');
    expect(await problems('utils/fill/page/example.ts', code)).toEqual([]);
  });
});

describe('shipped code brings no code and writes no markup from strings', () => {
  it.each([
    [
      'utils/fill/page/example.ts',
      'export const f = (el: Element, s: string) => { el.innerHTML = s; };',
      'no-restricted-syntax',
    ],
    [
      'utils/scan/page/example.ts',
      "export const f = (el: Element) => el.insertAdjacentHTML('beforeend', '<b>');",
      'no-restricted-syntax',
    ],
    [
      'components/Example.tsx',
      'export const X = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;',
      'no-restricted-syntax',
    ],
    ['utils/core/import/example.ts', 'export const f = (s: string) => eval(s);', 'no-eval'],
    ['utils/background/example.ts', "export const f = new Function('return this');", 'no-new-func'],
    ['entrypoints/example.ts', "setTimeout('alert(1)', 1);", 'no-implied-eval'],
  ])('%s refuses: %s', async (file, code, rule) => {
    expect((await problems(file, code)).join('\n')).toContain(rule);
  });

  it('leaves tests and demo pages free to build markup', async () => {
    expect(
      await problems('demo/example.ts', 'export const f = (el: Element, s: string) => { el.innerHTML = s; };'),
    ).toEqual([]);
  });
});

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
    ["import { x } from '../services/vault';", 'no-restricted-imports'],
    ['export const title = document.title;', 'no-restricted-globals'],
    ['export const id = chrome.runtime.id;', 'no-restricted-globals'],
    ['export const tabs = browser.tabs;', 'no-restricted-globals'],
    ['export const w = window.innerWidth;', 'no-restricted-globals'],
    ['export const el = new HTMLInputElement();', 'no-restricted-globals'],
  ])('rejects %s', async (code, rule) => {
    expect((await problems('utils/core/example.ts', code)).join('\n')).toContain(rule);
  });

  it('rejects climbing out of a nested core folder too', async () => {
    expect(
      await problems('utils/core/importers/example.ts', "import { x } from '../../services/vault';\nexport { x };"),
    ).toHaveLength(1);
    expect(await problems('utils/core/importers/example.ts', "import { x } from '../otp';\nexport { x };")).toEqual([]);
  });

  it('accepts pure code: core imports, jsqr, crypto and URL', async () => {
    const code =
      "import { normaliseSecret } from './otp';\nimport jsQR from 'jsqr';\nexport const f = [normaliseSecret, jsQR, crypto.getRandomValues, URL, TextEncoder];";
    expect(await problems('utils/core/example.ts', code)).toEqual([]);
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

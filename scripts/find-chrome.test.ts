import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureChrome, findChrome } from './find-chrome';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'find-chrome-'));
  vi.stubEnv('CHROME_PATH', undefined);
  vi.stubEnv('PATH', dir);
});
afterEach(() => vi.unstubAllEnvs());

function fakeBrowser(name: string, executable = true): string {
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

describe('findChrome', () => {
  it('prefers CHROME_PATH', () => {
    fakeBrowser('chromium');
    const chosen = fakeBrowser('my-chrome');
    vi.stubEnv('CHROME_PATH', chosen);
    expect(findChrome()).toBe(chosen);
  });
  it('says so when CHROME_PATH is not an executable', () => {
    vi.stubEnv('CHROME_PATH', fakeBrowser('not-exec', false));
    expect(() => findChrome()).toThrow(/CHROME_PATH is set to .*not-exec, which is not an executable file/);
  });
  it.each(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'])('finds %s on PATH', (name) => {
    expect(findChrome()).toBeUndefined();
    const file = fakeBrowser(name);
    expect(findChrome()).toBe(file);
  });
});

describe('ensureChrome', () => {
  it('explains CHROME_PATH when nothing is found and it cannot install', () => {
    expect(() => ensureChrome({ isRoot: false, log: () => {} })).toThrow(/set CHROME_PATH to its executable/);
  });
  it('installs a browser as root when none is found', () => {
    const install = vi.fn(() => void fakeBrowser('chromium'));
    expect(ensureChrome({ isRoot: true, install, log: () => {} })).toBe(path.join(dir, 'chromium'));
    expect(install).toHaveBeenCalledOnce();
  });
  it('does not install when a browser is already there', () => {
    const install = vi.fn();
    fakeBrowser('chromium');
    ensureChrome({ isRoot: true, install, log: () => {} });
    expect(install).not.toHaveBeenCalled();
  });
  it('fails clearly when the install did not give a browser', () => {
    expect(() => ensureChrome({ isRoot: true, install: () => {}, log: () => {} })).toThrow(
      /did not put it on PATH.*CHROME_PATH/,
    );
  });
});

describe('findFirefox', () => {
  it('prefers FIREFOX_PATH, then firefox-esr and firefox on PATH', async () => {
    const { findFirefox } = await import('./find-firefox');
    vi.stubEnv('FIREFOX_PATH', undefined);
    expect(findFirefox()).toBeUndefined();
    const esr = fakeBrowser('firefox-esr');
    expect(findFirefox()).toBe(esr);
    const chosen = fakeBrowser('my-firefox');
    vi.stubEnv('FIREFOX_PATH', chosen);
    expect(findFirefox()).toBe(chosen);
  });
});

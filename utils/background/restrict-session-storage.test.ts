import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { restrictSessionStorage } from './restrict-session-storage';

afterEach(() => {
  vi.restoreAllMocks();
  // fakeBrowser has no setAccessLevel: take away the one a test gave it.
  Reflect.deleteProperty(browser.storage.session, 'setAccessLevel');
});

describe('restrictSessionStorage', () => {
  it('limits storage.session to trusted contexts where the browser supports it', async () => {
    const setAccessLevel = vi.fn(async () => {});
    Object.assign(browser.storage.session, { setAccessLevel });
    await restrictSessionStorage();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });
  it('does nothing where there is no such API (Firefox never exposes storage.session to content scripts)', async () => {
    await expect(restrictSessionStorage()).resolves.toBeUndefined();
  });
});

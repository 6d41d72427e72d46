import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { restrictSessionStorage } from './restrict-session-storage';

afterEach(() => {
  vi.restoreAllMocks();
  // fakeBrowser has no setAccessLevel: take away the one a test gave it.
  Reflect.deleteProperty(browser.storage.session, 'setAccessLevel');
  Reflect.deleteProperty(browser.storage.local, 'setAccessLevel');
});

describe('restrictSessionStorage', () => {
  it('limits storage.session to trusted contexts where the browser supports it', async () => {
    const setAccessLevel = vi.fn(async () => {});
    Object.assign(browser.storage.session, { setAccessLevel });
    await restrictSessionStorage();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });
  it('limits storage.local to trusted contexts too where the browser accepts it, and goes on where it refuses', async () => {
    const local = vi.fn(async () => {});
    Object.assign(browser.storage.local, { setAccessLevel: local });
    await restrictSessionStorage();
    expect(local).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    // Older Chrome: "only supported for session storage".
    Object.assign(browser.storage.local, {
      setAccessLevel: vi.fn(async () => Promise.reject(new Error('session only'))),
    });
    await expect(restrictSessionStorage()).resolves.toBeUndefined();
  });
  it('does nothing where there is no such API (Firefox never exposes storage.session to content scripts)', async () => {
    await expect(restrictSessionStorage()).resolves.toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acquireOffscreen, OFFSCREEN_REASONS } from './offscreen-document';

/** Chrome's offscreen API as it behaves: one document, creating a second throws. */
function fakeOffscreen() {
  let open = false;
  const api = {
    createDocument: vi.fn(async () => {
      if (open) throw new Error('Only a single offscreen document may be created.');
      open = true;
    }),
    closeDocument: vi.fn(async () => {
      if (!open) throw new Error('No current offscreen document.');
      open = false;
    }),
    isOpen: () => open,
  };
  Object.assign(browser.runtime, {
    getContexts: async () => (open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
  });
  return api;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => Reflect.deleteProperty(browser.runtime, 'getContexts'));

describe('the shared offscreen document', () => {
  it('is created once for two users at the same time, with both reasons', async () => {
    const api = fakeOffscreen();
    const [clipboard, helper] = await Promise.all([acquireOffscreen(api), acquireOffscreen(api)]);
    expect(api.createDocument).toHaveBeenCalledTimes(1);
    expect(api.createDocument).toHaveBeenCalledWith(expect.objectContaining({ reasons: OFFSCREEN_REASONS }));
    expect([clipboard.created, helper.created].sort()).toEqual([false, true]);
    await clipboard.release();
    await helper.release();
    expect(api.isOpen()).toBe(false);
  });

  it('stays open while a user is working in it, and closes under users that are idle', async () => {
    const api = fakeOffscreen();
    const helper = await acquireOffscreen(api);
    const clipboard = await acquireOffscreen(api);
    await clipboard.release();
    expect(api.isOpen()).toBe(true); // the helper is running a task
    helper.busy(false);
    const again = await acquireOffscreen(api);
    await again.release();
    // Nothing runs: the document goes (the idle helper's channel ends with it).
    expect(api.isOpen()).toBe(false);
  });

  it('uses a document that is already there (from before the worker restarted), and closes it after', async () => {
    const api = fakeOffscreen();
    await api.createDocument();
    api.createDocument.mockClear();
    const use = await acquireOffscreen(api);
    expect(use.created).toBe(false);
    expect(api.createDocument).not.toHaveBeenCalled();
    await use.release();
    expect(api.isOpen()).toBe(false);
  });

  it('uses a document left by an earlier worker where getContexts is missing (Chrome before 116)', async () => {
    const api = fakeOffscreen();
    await api.createDocument();
    Reflect.deleteProperty(browser.runtime, 'getContexts');
    const use = await acquireOffscreen(api);
    expect(use.created).toBe(false);
    await use.release();
    expect(api.isOpen()).toBe(false);
  });

  it('gives the document back when it cannot be created', async () => {
    const api = fakeOffscreen();
    api.createDocument.mockRejectedValueOnce(new Error('offscreen documents are not allowed'));
    await expect(acquireOffscreen(api)).rejects.toThrow('not allowed');
    const use = await acquireOffscreen(api);
    expect(use.created).toBe(true);
    await use.release();
    expect(api.isOpen()).toBe(false);
  });
});

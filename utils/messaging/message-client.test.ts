/**
 * Lock means gone, on the page side: a page hears of a lock from the worker (or from any answer
 * saying `locked`), and from nobody else: a content script's message is no lock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onLocked, sendMessage } from './message-client';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('onLocked', () => {
  it.each([
    ['the worker', { id: fakeBrowser.runtime.id }, { type: 'tessera.locked' }, 1],
    ['a content script', { id: fakeBrowser.runtime.id, tab: { id: 3 } }, { type: 'tessera.locked' }, 0],
    ['another extension', { id: 'someone-else' }, { type: 'tessera.locked' }, 0],
    ['the worker, another message', { id: fakeBrowser.runtime.id }, { type: 'tessera.fill' }, 0],
  ])('from %s: a lock only when the worker says so', async (_, sender, message, calls) => {
    const listener = vi.fn();
    const stop = onLocked(listener);
    await fakeBrowser.runtime.onMessage.trigger(message, sender as Browser.runtime.MessageSender);
    expect(listener).toHaveBeenCalledTimes(calls);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tessera.locked' }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledTimes(calls);
  });

  it('hears any answer that says the vault is locked', async () => {
    const listener = vi.fn();
    const stop = onLocked(listener);
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: { code: 'locked', message: 'Tessera is locked.' },
    } as never);
    await expect(sendMessage('accounts.list', {})).rejects.toMatchObject({ code: 'locked' });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});

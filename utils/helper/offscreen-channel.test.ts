import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HelperReply } from '../core/helper/helper-protocol';
import { CONNECT_HELPER_MESSAGE, HELPER_PORT, openOffscreenChannel } from './offscreen-channel';

type Listener = (...args: never[]) => void;
function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener), 1),
    trigger: (...args: unknown[]) =>
      [...listeners].forEach((listener) => (listener as (...a: unknown[]) => void)(...args)),
    listeners,
  };
}

/** A port as runtime.onConnect gives it to the worker. */
function fakePort(name: string, url: string) {
  return {
    name,
    sender: { id: fakeBrowser.runtime.id, url },
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: fakeEvent(),
    onDisconnect: fakeEvent(),
  };
}

const OFFSCREEN = () => browser.runtime.getURL('/offscreen.html');
let onConnect: ReturnType<typeof fakeEvent>;
let documentOpen: boolean;
let offscreen: { createDocument: ReturnType<typeof vi.fn>; closeDocument: ReturnType<typeof vi.fn> };

beforeEach(() => {
  fakeBrowser.reset();
  onConnect = fakeEvent();
  documentOpen = false;
  offscreen = {
    createDocument: vi.fn(async () => void (documentOpen = true)),
    closeDocument: vi.fn(async () => void (documentOpen = false)),
  };
  Object.assign(browser.runtime, {
    onConnect,
    getContexts: async () => (documentOpen ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
  });
  Object.assign(browser, { offscreen });
});
afterEach(() => {
  Reflect.deleteProperty(browser, 'offscreen');
  Reflect.deleteProperty(browser.runtime, 'onConnect');
  Reflect.deleteProperty(browser.runtime, 'getContexts');
});

describe("Chrome's channel to the helper", () => {
  it("takes only the offscreen document's own helper port, and passes tasks and answers over it", async () => {
    const opening = openOffscreenChannel();
    await vi.waitFor(() => expect(offscreen.createDocument).toHaveBeenCalled());
    const impostors = [
      fakePort(HELPER_PORT, browser.runtime.getURL('/options.html')),
      fakePort(HELPER_PORT, 'https://evil.example/offscreen.html'),
      fakePort('something-else', OFFSCREEN()),
    ];
    for (const port of impostors) onConnect.trigger(port);
    const real = fakePort(HELPER_PORT, OFFSCREEN());
    onConnect.trigger(real);
    const channel = await opening;
    // Listening stops once connected: no later port is taken.
    expect(onConnect.listeners).toHaveLength(0);
    const replies: HelperReply[] = [];
    channel.listen(
      (reply) => void replies.push(reply),
      () => {},
    );
    channel.post({ id: 1, task: 'registrableDomains', input: { hosts: [] } });
    expect(real.postMessage).toHaveBeenCalledWith({ id: 1, task: 'registrableDomains', input: { hosts: [] } });
    for (const port of impostors) expect(port.postMessage).not.toHaveBeenCalled();
    real.onMessage.trigger({ id: 1, ok: true, value: {} });
    expect(replies).toEqual([{ id: 1, ok: true, value: {} }]);
    channel.busy?.(false);
    channel.close();
    expect(real.disconnect).toHaveBeenCalled();
    await vi.waitFor(() => expect(offscreen.closeDocument).toHaveBeenCalled());
  });

  it('asks a document that was already open to connect, rather than creating a second', async () => {
    documentOpen = true;
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const opening = openOffscreenChannel();
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith({ type: CONNECT_HELPER_MESSAGE }));
    expect(offscreen.createDocument).not.toHaveBeenCalled();
    onConnect.trigger(fakePort(HELPER_PORT, OFFSCREEN()));
    const channel = await opening;
    const closed: string[] = [];
    channel.listen(
      () => {},
      (reason) => void closed.push(reason),
    );
    // The document went (closed by Chrome, or crashed): the channel ends.
    const port = (onConnect.listeners.length, channel);
    expect(port).toBeDefined();
  });
});

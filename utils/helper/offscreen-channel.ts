/**
 * Chrome's way to the helper: the service worker cannot start a Worker, so the offscreen document
 * (offscreen-document.ts) starts it and relays over a runtime port it opens to the worker. A port
 * joins exactly two ends, so tasks and their answers (which may hold secrets: an import file, its
 * accounts) reach no other extension page, unlike runtime.sendMessage, which every page receives.
 * The worker accepts only a port named HELPER_PORT from the offscreen document's own address.
 */
import { browser, type Browser } from 'wxt/browser';
import type { HelperReply } from '../core/helper/helper-protocol';
import type { HelperChannel } from './helper-client';
import { acquireOffscreen, OFFSCREEN_URL, offscreenApi, type OffscreenUse } from './offscreen-document';

export const HELPER_PORT = 'tessera-helper';
/** Asks an offscreen document that is already open (created by the clipboard guard) to connect. */
export const CONNECT_HELPER_MESSAGE = 'offscreen.connectHelper';
/** How long the document may take to connect after it is created. */
const CONNECT_MS = 10_000;

function awaitPort(): { port: Promise<Browser.runtime.Port>; stop: () => void } {
  let stop = () => {};
  const port = new Promise<Browser.runtime.Port>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('The offscreen helper did not connect.'));
    }, CONNECT_MS);
    const onConnect = (candidate: Browser.runtime.Port) => {
      if (candidate.name !== HELPER_PORT || candidate.sender?.url !== browser.runtime.getURL(`/${OFFSCREEN_URL}`))
        return;
      stop();
      resolve(candidate);
    };
    stop = () => {
      clearTimeout(timer);
      browser.runtime.onConnect.removeListener(onConnect);
    };
    browser.runtime.onConnect.addListener(onConnect);
  });
  return { port, stop };
}

export async function openOffscreenChannel(): Promise<HelperChannel> {
  const api = offscreenApi();
  if (!api) throw new Error('This browser has no offscreen documents.');
  // Listening first: a document created now connects as soon as it loads.
  const waiting = awaitPort();
  let release: (() => Promise<void>) | undefined;
  try {
    const acquired = await acquireOffscreen(api);
    release = acquired.release;
    // A document that was already open may not be connected to this worker (it started earlier).
    if (!acquired.created) void browser.runtime.sendMessage({ type: CONNECT_HELPER_MESSAGE }).catch(() => undefined);
    const port = await waiting.port;
    return portChannel(port, acquired);
  } catch (error) {
    waiting.stop();
    await release?.();
    throw error;
  }
}

function portChannel(port: Browser.runtime.Port, { release, busy }: OffscreenUse): HelperChannel {
  return {
    busy,
    post: (request) => port.postMessage(request),
    listen(onReply, onClose) {
      port.onMessage.addListener((reply) => onReply(reply as HelperReply));
      port.onDisconnect.addListener(() => {
        onClose('the offscreen document closed');
        void release();
      });
    },
    close() {
      port.disconnect();
      void release();
    },
  };
}

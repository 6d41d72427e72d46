/**
 * The offscreen document's half of Chrome's helper channel (offscreen-channel.ts): it opens one
 * port to the service worker, starts the helper's Worker at the first task, and passes tasks and
 * answers between them. When the worker goes (it stopped, or closed the channel), the Worker is
 * ended with it: nothing a task held outlives the channel.
 */
import { browser, type Browser } from 'wxt/browser';
import { CONNECT_HELPER_MESSAGE, HELPER_PORT } from './offscreen-channel';
import { HELPER_WORKER_SCRIPT } from './worker-channel';

export function startOffscreenRelay(): void {
  let port: Browser.runtime.Port | undefined;
  let worker: Worker | undefined;

  function stop(): void {
    worker?.terminate();
    worker = undefined;
    port = undefined;
  }

  function startWorker(): Worker {
    const started = new Worker(browser.runtime.getURL(HELPER_WORKER_SCRIPT));
    started.addEventListener('message', (event) => port?.postMessage(event.data));
    // A Worker that failed (its script did not load) answers nothing: end the channel, so the
    // background's waiting tasks fail now rather than never.
    started.addEventListener('error', () => {
      port?.disconnect();
      stop();
    });
    return started;
  }

  function connect(): void {
    if (port) return;
    const opened = browser.runtime.connect({ name: HELPER_PORT });
    port = opened;
    opened.onMessage.addListener((request) => (worker ??= startWorker()).postMessage(request));
    opened.onDisconnect.addListener(() => {
      if (port === opened) stop();
    });
  }

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if ((message as { type?: string })?.type !== CONNECT_HELPER_MESSAGE || sender.id !== browser.runtime.id)
      return undefined;
    connect();
    return undefined;
  });
  connect();
}

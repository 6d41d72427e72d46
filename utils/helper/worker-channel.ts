/**
 * Firefox's way to the helper: its background is a page, which may start a dedicated Worker
 * itself; the Worker loads each task's chunk on first use (serve-helper.ts).
 */
import { browser } from 'wxt/browser';
import type { HelperReply } from '../core/helper/helper-protocol';
import type { HelperChannel } from './helper-client';

export const HELPER_WORKER_SCRIPT = '/helper-worker.js';

export async function openWorkerChannel(): Promise<HelperChannel> {
  const worker = new Worker(browser.runtime.getURL(HELPER_WORKER_SCRIPT));
  return {
    post: (request) => worker.postMessage(request),
    listen(onReply, onClose) {
      worker.addEventListener('message', (event: MessageEvent<HelperReply>) => onReply(event.data));
      worker.addEventListener('error', (event) => {
        worker.terminate();
        onClose(event.message || 'the helper worker failed');
      });
    },
    close: () => worker.terminate(),
  };
}

/**
 * Chrome's offscreen document (public/offscreen.html) for what a service worker cannot do: touch
 * the clipboard (clear a copied code), and start a Worker (the helper, utils/helper/). It is part
 * of the background side. An unlisted script, not an HTML entrypoint, so it shares no chunk with
 * the popup's script.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { clearClipboard } from '../utils/clipboard/clear-clipboard';
import { CLEAR_CLIPBOARD_MESSAGE } from '../utils/clipboard/clipboard-guard';
import { startOffscreenRelay } from '../utils/helper/offscreen-relay';

export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      const request = message as { type?: string };
      if (
        request?.type !== CLEAR_CLIPBOARD_MESSAGE ||
        sender.id !== browser.runtime.id ||
        !sender.url?.startsWith(browser.runtime.getURL('/'))
      )
        return undefined;
      return Promise.resolve({ cleared: clearClipboard(document) });
    });
    startOffscreenRelay();
  },
});

/**
 * Firefox keeps a site's icon with the account filled there (issue 16): Firefox has no favicon
 * API for extensions like Chrome's `_favicon`, and Tessera sends nothing to any icon server.
 * After a fill into a page the account is bound to, the tab's icon as Firefox reports it at that
 * moment (`tab.favIconUrl`) is taken when it is a `data:` URL, or read from the page itself when
 * it is on the page's own origin (page/icon-bytes.ts); an icon elsewhere (a CDN) is left alone.
 * The bytes are decoded and re-encoded small (accounts/normalise-icon.ts) and kept in the vault
 * for that origin only (core/accounts/site-icon.ts). Only while "Show site icons" is on.
 */
import { browser, type Browser } from 'wxt/browser';
import { imageDataUrl, MAX_ICON_INPUT_BYTES } from '../core/accounts/icon-data-url';
import { originOf } from '../core/fill/binding-covers';
import type { AccountsService } from '../accounts/accounts-service';
import { normaliseIcon } from '../accounts/normalise-icon';
import { iconBytes } from './page/icon-bytes';

/** Asks the page's top frame for its own icon's bytes, as a data URL. */
async function fromPage(tabId: number, url: string): Promise<string | null> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: iconBytes,
    args: [url, MAX_ICON_INPUT_BYTES],
  });
  return typeof result?.result === 'string' ? result.result : null;
}

export interface IconCaptureDeps {
  accounts: Pick<AccountsService, 'setIcon'>;
  /** Settings' showIcons. */
  showIcons: () => Promise<boolean>;
  getTab?: (tabId: number) => Promise<Browser.tabs.Tab>;
  readPage?: (tabId: number, url: string) => Promise<string | null>;
  normalise?: (blob: Blob) => Promise<string | undefined>;
}

export function createIconCapture({
  accounts,
  showIcons,
  getTab = (tabId) => browser.tabs.get(tabId),
  readPage = fromPage,
  normalise = normaliseIcon,
}: IconCaptureDeps) {
  return {
    /**
     * Keeps the icon of `tab`'s page for account `id`, filled there on `origin`. Never throws: an
     * icon is a nicety, and a fill has already happened.
     */
    async capture(tabId: number, id: string, origin: string): Promise<void> {
      try {
        if (!(await showIcons())) return;
        const tab = await getTab(tabId);
        // Read again now: the tab may have navigated since the fill; its icon is then another site's.
        if (originOf(tab.url) !== origin || !tab.favIconUrl) return;
        const url = tab.favIconUrl;
        const sameOrigin = /^https?:/i.test(url) && new URL(url).origin === origin;
        const dataUrl = url.startsWith('data:') ? url : sameOrigin ? await readPage(tabId, url) : null;
        const image = imageDataUrl(dataUrl);
        if (!image) return;
        const png = await normalise(new Blob([image.bytes], { type: image.type }));
        if (png) await accounts.setIcon(id, { origin, png });
      } catch {
        // No icon: the monogram stays.
      }
    },
  };
}

export type IconCapture = ReturnType<typeof createIconCapture>;

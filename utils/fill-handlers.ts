/** The message handler for filling a code: find the tab, then let the fill service decide. */
import { browser } from 'wxt/browser';
import { VaultError } from './core/vault-error';
import type { FillService } from './fill-service';
import type { Handlers } from './message-router';
import { text } from './message-router';

export function fillHandlers(fills: FillService): Pick<Handlers, 'fill.code'> {
  return {
    'fill.code': {
      from: 'extension',
      handle: async (payload) => {
        const { tabId, confirmSite, remember } = (payload ?? {}) as { tabId?: unknown; confirmSite?: unknown; remember?: unknown };
        const [tab] = typeof tabId === 'number' ? [await browser.tabs.get(tabId)] : await browser.tabs.query({ active: true, lastFocusedWindow: true });
        if (!tab) throw new VaultError('not-found', 'There is no page to fill.');
        return fills.fill(tab, {
          id: text(payload, 'id'),
          confirmSite: typeof confirmSite === 'string' ? confirmSite : undefined,
          remember: remember === true,
        });
      },
    },
  };
}

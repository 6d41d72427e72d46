/**
 * What the popup needs first, asked for the moment its script runs and all at once: the vault's
 * status, the current tab's host name, and the accounts with codes for the first screen only.
 * The hooks take these answers instead of asking again, so the first codes appear after one
 * round trip rather than three in a row.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../utils/message-client';

/** Rows the popup shows before scrolling, with a little to spare. */
export const FIRST_SCREEN_ROWS = 10;

/** The current tab's host name, readable because clicking the toolbar grants activeTab. */
export async function currentHostname(): Promise<string | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const url = tab?.url ? new URL(tab.url) : undefined;
    return url?.protocol.startsWith('http') ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

const hostname = currentHostname();

/** Answers already on their way; each is taken once and is undefined if it failed (e.g. locked). */
const pending = {
  status: sendMessage('vault.status').catch(() => undefined),
  accounts: hostname
    .then((name) => sendMessage('accounts.list', { hostname: name, first: FIRST_SCREEN_ROWS }))
    .then((list) => (performance.mark('tessera:first-answer'), list))
    .catch(() => undefined),
};

export const startup = {
  hostname,
  take<K extends keyof typeof pending>(key: K): (typeof pending)[K] | undefined {
    const answer = pending[key];
    pending[key] = Promise.resolve(undefined) as (typeof pending)[K];
    return answer;
  },
};

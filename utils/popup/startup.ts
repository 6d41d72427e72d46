/**
 * What the popup needs first, asked for the moment its script runs and all at once: the vault's
 * status and the accounts with codes for the first screen only (the background finds the current
 * tab's site itself). The hooks take these answers instead of asking again, so the first codes
 * appear after one round trip rather than three in a row.
 */
import { sendMessage } from '../messaging/message-client';
import { IS_SIDE_PANEL, panelWindowId } from './side-panel';

/** Rows the popup shows before scrolling (its 440 px list holds 7.9 of 56 px), and one to spare. */
export const FIRST_SCREEN_ROWS = 9;

/** The options page shares the popup's script (entrypoints/popup/main.tsx) but not its first screen. */
export const IS_OPTIONS_PAGE = location.pathname.endsWith('/options.html');

const status = sendMessage('vault.status').catch(() => undefined);
/** The side panel's accounts are those of its own window's tab (utils/popup/side-panel.ts). */
const firstList = () =>
  IS_SIDE_PANEL
    ? panelWindowId.then((windowId) =>
        sendMessage('accounts.list', { bySite: true, first: FIRST_SCREEN_ROWS, ...(windowId ? { windowId } : {}) }),
      )
    : sendMessage('accounts.list', { bySite: true, first: FIRST_SCREEN_ROWS });
const accounts = IS_OPTIONS_PAGE
  ? Promise.resolve(undefined)
  : firstList()
      .then((list) => (performance.mark('tessera:first-answer'), list))
      .catch(() => undefined);

/**
 * Answers already on their way; each is taken once and is undefined if it failed (e.g. locked).
 * The status is handed over only once the accounts are here too: the popup then renders its
 * first screen once, codes included, and the browser draws one frame for it instead of a frame
 * with only the header first, whose style, layout and raster would delay the codes'.
 */
const pending = {
  status: Promise.all([status, accounts]).then(([answer]) => answer),
  accounts,
};

export const startup = {
  take<K extends keyof typeof pending>(key: K): (typeof pending)[K] | undefined {
    const answer = pending[key];
    pending[key] = Promise.resolve(undefined) as (typeof pending)[K];
    return answer;
  },
};

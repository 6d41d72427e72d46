/** What a fill answered, and a fill left for the popup to finish: shared by the worker and the popup. */
import type { SiteQuestion } from './site-check';

/**
 * Why no code was filled: no field, the page refused it, a page no extension may touch, the
 * frame showed another document (or origin) when the code was to be sent than when it was
 * checked, or (side panel) a page whose site the user has not allowed Tessera on.
 */
export type FillFailure = 'no-field' | 'not-filled' | 'restricted' | 'navigated' | 'no-access';

export type FillOutcome =
  | { filled: true; how: 'single' | 'split'; site: string }
  | { filled: false; reason: FillFailure }
  /** Ask first: the field is in a frame from `frame`, inside a page of `site`. */
  | { filled: false; reason: 'confirm-frame'; site: string; frame: string }
  /** Ask first: the account is not bound to this page (site-check.ts says why, and whether to warn). */
  | ({ filled: false; reason: 'confirm-site' } & SiteQuestion);

/** A fill asked for without the popup, for the popup to finish. */
export interface PendingFill {
  tabId: number;
  /** The frame of the field the user right-clicked. */
  frameId?: number;
  /** The page's site; absent while locked (nothing was looked at yet). */
  site?: string;
  /** The accounts to choose from when `accountId` is absent (may be empty: choose from all). */
  matches: string[];
  /** The one account matched, with what filling it answered (a question, or why not). */
  accountId?: string;
  outcome?: FillOutcome;
  /** Asked while locked: the popup fills once unlocked (within PENDING_FILL_MS, on the same document). */
  locked?: true;
  /** Asked while locked: when (ms since the epoch), on which page, and its document (Chrome). */
  at?: number;
  url?: string;
  documentId?: string;
}

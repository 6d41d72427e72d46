/** What a fill answered, and a fill left for the popup to finish: shared by the worker and the popup. */

/** Why no code was filled: no field, the page refused it, or a page no extension may touch. */
export type FillFailure = 'no-field' | 'not-filled' | 'restricted';

export type FillOutcome =
  | { filled: true; how: 'single' | 'split'; site: string }
  | { filled: false; reason: FillFailure }
  /** Ask first: the field is in a frame from `frame`, inside a page of `site`. */
  | { filled: false; reason: 'confirm-frame'; site: string; frame: string }
  /** Ask first: `bound` is empty on the first fill for this account, else where it is used. */
  | { filled: false; reason: 'confirm-site'; site: string; bound: string[] };

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
  /** Asked while locked: the popup fills once unlocked. */
  locked?: true;
}

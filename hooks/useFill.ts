/**
 * Filling from the popup: a click on an account sends its code to the page (the click copies it
 * too), the background's questions become FillConfirm, and a fill asked for without the popup
 * (keyboard command, field menu) is finished here: its question, its choice of accounts
 * (FillChooser), or why it did not fill.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../utils/core/accounts/account-view';
import type { FillOutcome } from '../utils/core/fill/fill-outcome';
import type { PendingFill } from '../utils/core/fill/fill-outcome';
import type { SiteQuestion } from '../utils/core/fill/site-check';
import { t } from '../utils/i18n/i18n';
import { sendMessage } from '../utils/messaging/message-client';
import { accountName } from '../components/AccountRow';
import type { ToastMessage } from '../components/Toast';
import { panelWindowId } from '../utils/popup/side-panel';
import { targetTabId } from '../utils/popup/target-tab';

/** What the user already agreed to for this fill. */
interface Confirmed {
  confirmFrame?: string;
  confirmOrigin?: string;
  remember?: 'origin' | 'site';
}

/** A question before filling: a field in a frame from another site, or a page the account is not bound to. */
export type FillQuestion = { account: AccountView; confirmed: Confirmed; copied: boolean } & (
  { kind: 'frame'; site: string; frame: string } | ({ kind: 'site' } & SiteQuestion)
);

/** The accounts to choose from for a fill asked for without the popup. */
export interface FillChoice {
  site: string;
  matches: AccountView[];
}

/** Messages for a fill that did not happen: after a click (the code is copied) or from the background (it is not). */
const WHY_NOT = {
  copied: {
    'no-field': 'fillNoField',
    'not-filled': 'fillRefused',
    restricted: undefined,
    navigated: 'fillNavigated',
    'no-access': 'fillNoAccess',
  },
  background: {
    'no-field': 'fillNoFieldHere',
    'not-filled': 'fillRefusedHere',
    restricted: 'fillRestricted',
    navigated: 'fillNavigatedHere',
    'no-access': 'fillNoAccess',
  },
} as const;

export function useFill({
  accounts,
  show,
  afterFill,
}: {
  accounts: AccountView[] | undefined;
  show: (toast: ToastMessage) => void;
  /** After every fill the popup asked for: the clock check beside it may have found something. */
  afterFill?: () => void;
}) {
  const [target, setTarget] = useState<{ tabId?: number; frameId?: number }>(() => ({ tabId: targetTabId() }));
  const [question, setQuestion] = useState<FillQuestion>();
  const [choice, setChoice] = useState<FillChoice>();
  const [pending, setPending] = useState<PendingFill | null>();

  const settle = (account: AccountView, outcome: FillOutcome, confirmed: Confirmed, copied: boolean) => {
    const name = accountName(account);
    if (outcome.filled) show({ text: t(copied ? 'filled' : 'filledHere', name) });
    else if (outcome.reason === 'confirm-frame')
      setQuestion({ kind: 'frame', account, confirmed, copied, site: outcome.site, frame: outcome.frame });
    else if (outcome.reason === 'confirm-site') {
      const { filled: _, reason: __, ...asked } = outcome;
      setQuestion({ kind: 'site', account, confirmed, copied, ...asked });
    } else {
      // After a click on a browser page or the popup in a tab of its own, "Copied" says it all.
      const message = WHY_NOT[copied ? 'copied' : 'background'][outcome.reason];
      if (message) show({ text: t(message, name) });
    }
  };

  const fill = async (account: AccountView, confirmed: Confirmed = {}, copied = true) => {
    setChoice(undefined);
    // The side panel fills the tab active in its window at the click, unless a pending fill named one.
    const windowId = target.tabId === undefined ? await panelWindowId : undefined;
    const where = windowId === undefined ? target : { ...target, windowId };
    const outcome = await sendMessage('fill.code', { id: account.id, ...where, ...confirmed }).catch(() => undefined);
    if (outcome) settle(account, outcome, confirmed, copied);
    afterFill?.();
  };

  /** The user's answer to the question: fill with everything agreed so far (and what to remember), or drop it. */
  const answer = (yes: boolean, remember?: 'origin' | 'site') => {
    setQuestion(undefined);
    if (!yes || !question) return;
    const agreed =
      question.kind === 'frame'
        ? { confirmFrame: question.frame }
        : { confirmOrigin: question.origin, ...(remember ? { remember } : {}) };
    void fill(question.account, { ...question.confirmed, ...agreed }, question.copied);
  };

  // A fill the keyboard command or the field menu left for the popup (once per opening).
  useEffect(() => {
    void sendMessage('fill.pending').then(setPending, () => setPending(null));
  }, []);
  useEffect(() => {
    if (!pending || !accounts) return;
    const byId = (id: string) => accounts.find((account) => account.id === id);
    const account = pending.accountId === undefined ? undefined : byId(pending.accountId);
    // The first screen lists only some accounts: wait for the whole list when one is missing.
    if (
      (pending.accountId !== undefined && !account) ||
      (pending.matches.length > 1 && pending.matches.some((id) => !byId(id)))
    )
      return;
    setPending(null);
    setTarget({ tabId: pending.tabId, frameId: pending.frameId });
    if (account && pending.outcome) {
      settle(account, pending.outcome, {}, false);
      afterFill?.();
    } else if (pending.outcome?.filled === false && pending.outcome.reason === 'restricted')
      show({ text: t('fillRestricted') });
    else if (pending.site !== undefined)
      setChoice({ site: pending.site, matches: pending.matches.flatMap((id) => byId(id) ?? []) });
  }, [pending, accounts]);

  return { fill, question, answer, choice, dismissChoice: () => setChoice(undefined) };
}

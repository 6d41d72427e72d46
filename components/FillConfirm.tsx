import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FillQuestion } from '../hooks/useFill';
import type { SiteWarning } from '../utils/core/fill/site-check';
import { t } from '../utils/i18n/i18n';
import { accountName } from './AccountRow';
import { bindingText } from './BoundSites';
import { CheckboxRow } from './ui/CheckboxRow';
import { Dialog } from './ui/Dialog';

interface Props {
  question: FillQuestion;
  onAnswer: (fill: boolean, remember?: 'origin' | 'site') => void;
}

type SiteAsked = Extract<FillQuestion, { kind: 'site' }>;

/** The reason a warning gives, in words (utils/core/fill/site-check.ts). */
function warningText(question: SiteAsked, warning: SiteWarning, name: string): string {
  const host = new URL(question.origin).host;
  const bound = question.bound.map(bindingText).join(', ');
  const brand = question.account.issuer;
  switch (warning) {
    case 'insecure':
      return t('fillWarnInsecure', name, bound, question.origin);
    case 'other-origin':
      return t('fillWarnOtherOrigin', name, bound, question.origin, question.site);
    case 'elsewhere':
      return t('fillAskPhishing', name, bound, question.origin);
    case 'brand-elsewhere':
      return t('fillWarnBrandElsewhere', brand, question.site, host);
    case 'look-alike':
      return t('fillWarnLookAlike', brand, host);
    case 'punycode':
      return t('fillWarnPunycode', brand, host);
    case 'insecure-page':
      return t('fillWarnInsecurePage', question.origin);
  }
}

/**
 * Asked before a code goes where it may not belong: a plain question on an account's first fill
 * on a page that may be its own, a phishing warning with its reason (used elsewhere, an http page,
 * a look-alike address), and a warning when the code field is in a frame from another site than
 * the page. Remembering binds the page's origin, or its whole site when the user picks that.
 */
export function FillConfirm(props: Props) {
  // Another question (a click on another account while one is open) starts afresh: a choice made
  // for one page and account never carries over to the next (its code may change meanwhile).
  const { kind, account } = props.question;
  const place = kind === 'frame' ? props.question.frame : `${props.question.origin} ${props.question.warning ?? ''}`;
  return <QuestionCard key={`${kind} ${account.id} ${place}`} {...props} />;
}

function QuestionCard({ question, onAnswer }: Props) {
  const first = question.kind === 'site' && question.warning === undefined;
  const name = accountName(question.account);
  const [remember, setRemember] = useState(first);
  const [scope, setScope] = useState<'origin' | 'site'>('origin');
  // Keyboard users land on the safe answer: "Fill" on a first fill, "Don't fill" on a warning.
  const safe = useRef<HTMLButtonElement>(null);
  // In the same frame as the question appears: no moment where Enter would still copy again.
  useLayoutEffect(() => safe.current?.focus(), [question]);
  const [title, text] =
    question.kind === 'frame'
      ? [t('fillFrameTitle'), t('fillFrameText', question.site, question.frame, name)]
      : question.warning === undefined
        ? [t('fillAskTitle', question.origin), t('fillAskFirst', name, question.origin)]
        : [t('fillPhishingTitle'), warningText(question, question.warning, name)];
  return (
    <Dialog
      role="alertdialog"
      titleId="fill-confirm-title"
      textId="fill-confirm-text"
      tone={first ? 'default' : 'danger'}
      class="fill-confirm"
    >
      <h2 id="fill-confirm-title">{title}</h2>
      <p id="fill-confirm-text">{text}</p>
      {question.kind === 'site' && (
        <CheckboxRow checked={remember} onChange={(event) => setRemember(event.currentTarget.checked)}>
          {question.wholeSite ? t('fillRememberFor', name) : t('fillRemember', question.origin, name)}
        </CheckboxRow>
      )}
      {question.kind === 'site' && question.wholeSite && (
        <fieldset disabled={!remember} class="indented">
          <legend>{t('fillRememberWhere')}</legend>
          <CheckboxRow
            type="radio"
            name="fill-remember-scope"
            checked={scope === 'origin'}
            onChange={() => setScope('origin')}
          >
            {t('fillRememberOrigin', question.origin)}
          </CheckboxRow>
          <CheckboxRow
            type="radio"
            name="fill-remember-scope"
            checked={scope === 'site'}
            onChange={() => setScope('site')}
          >
            {t('fillRememberSite', question.wholeSite)}
          </CheckboxRow>
        </fieldset>
      )}
      <div class="buttons">
        <button
          type="button"
          ref={first ? safe : undefined}
          class={first ? 'primary' : 'danger'}
          onClick={() => onAnswer(true, remember ? scope : undefined)}
        >
          {first ? t('fillConfirm') : t('fillAnyway')}
        </button>
        <button
          type="button"
          ref={first ? undefined : safe}
          class={first ? undefined : 'primary'}
          onClick={() => onAnswer(false)}
        >
          {t('fillCancel')}
        </button>
      </div>
    </Dialog>
  );
}

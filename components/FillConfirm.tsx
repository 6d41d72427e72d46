import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FillQuestion } from '../hooks/useFill';
import { t } from '../utils/i18n/i18n';
import { accountName } from './AccountRow';

interface Props {
  question: FillQuestion;
  onAnswer: (fill: boolean, remember?: boolean) => void;
}

/**
 * Asked before a code goes where it may not belong: a plain question on an account's first fill
 * on a site, a phishing warning when the account is used elsewhere, and a warning when the code
 * field is in a frame from another site than the page.
 */
export function FillConfirm({ question, onAnswer }: Props) {
  const first = question.kind === 'site' && question.bound.length === 0;
  const name = accountName(question.account);
  const [remember, setRemember] = useState(first);
  // Keyboard users land on the safe answer: "Fill" on a first fill, "Don't fill" on a warning.
  const safe = useRef<HTMLButtonElement>(null);
  // In the same frame as the question appears: no moment where Enter would still copy again.
  useLayoutEffect(() => safe.current?.focus(), [question]);
  const [title, text] =
    question.kind === 'frame'
      ? [t('fillFrameTitle'), t('fillFrameText', question.site, question.frame, name)]
      : first
        ? [t('fillAskTitle', question.site), t('fillAskFirst', name, question.site)]
        : [t('fillPhishingTitle'), t('fillAskPhishing', name, question.bound.join(', '), question.site)];
  return (
    <section
      class={`card fill-confirm${first ? '' : ' warning'}`}
      role="alertdialog"
      aria-labelledby="fill-confirm-title"
      aria-describedby="fill-confirm-text"
    >
      <h2 id="fill-confirm-title">{title}</h2>
      <p id="fill-confirm-text">{text}</p>
      {question.kind === 'site' && (
        <label>
          <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.currentTarget.checked)} />
          {` ${t('fillRemember', question.site, name)}`}
        </label>
      )}
      <div class="buttons">
        <button
          type="button"
          ref={first ? safe : undefined}
          class={first ? 'primary' : 'danger'}
          onClick={() => onAnswer(true, remember)}
        >
          {first ? t('fillConfirm') : t('fillAnyway')}
        </button>
        <button
          type="button"
          ref={first ? undefined : safe}
          class={first ? '' : 'primary'}
          onClick={() => onAnswer(false)}
        >
          {t('fillCancel')}
        </button>
      </div>
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';

interface Props {
  name: string;
  site: string;
  /** Where the account is used; empty on its first fill. */
  bound: string[];
  onFill: (remember: boolean) => void;
  onCancel: () => void;
}

/**
 * Asked before a code goes to a site the account is not bound to: a plain question on the first
 * fill, a phishing warning when the account is used elsewhere.
 */
export function FillConfirm({ name, site, bound, onFill, onCancel }: Props) {
  const first = bound.length === 0;
  const [remember, setRemember] = useState(first);
  // Keyboard users land on the safe answer: "Fill" on a first fill, "Don't fill" on a warning.
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  return (
    <section class={`card fill-confirm${first ? '' : ' warning'}`} role="alertdialog" aria-labelledby="fill-confirm-title" aria-describedby="fill-confirm-text">
      <h2 id="fill-confirm-title">{first ? t('fillAskTitle', site) : t('fillPhishingTitle')}</h2>
      <p id="fill-confirm-text">{first ? t('fillAskFirst', name, site) : t('fillAskPhishing', name, bound.join(', '), site)}</p>
      <label>
        <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.currentTarget.checked)} /> {t('fillRemember', site, name)}
      </label>
      <div class="buttons">
        <button type="button" ref={first ? safe : undefined} class={first ? 'primary' : 'danger'} onClick={() => onFill(remember)}>
          {first ? t('fillConfirm') : t('fillAnyway')}
        </button>
        <button type="button" ref={first ? undefined : safe} class={first ? '' : 'primary'} onClick={onCancel}>
          {t('fillCancel')}
        </button>
      </div>
    </section>
  );
}

import { t } from '../utils/i18n/i18n';
import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE_LENGTH } from '../utils/core/vault/passphrase-strength';
import { strengthHint } from '../utils/popup/strength-hint';
import { useSubmit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';
import { Banner } from './ui/Banner';

/** Changes the passphrase (the worker rotates the vault key with it); asks for the current one first. */
export function ChangePassphrase({ onChange }: { onChange: (current: string, next: string) => Promise<unknown> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { error, setError, busy, onSubmit } = useSubmit(async () => {
    setDone(false);
    if ([...next].length < MIN_PASSPHRASE_LENGTH) return setError(t('strengthTooShort'));
    if (next !== repeat) return setError(t('passphrasesDiffer'));
    await onChange(current, next);
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
  });
  return (
    <form onSubmit={onSubmit} aria-labelledby="change-title" class="settings-group">
      <h3 id="change-title">{t('changePassphrase')}</h3>
      <PassphraseField
        label={t('currentPassphrase')}
        value={current}
        onInput={setCurrent}
        autoComplete="current-password"
      />
      <PassphraseField
        label={t('newPassphrase')}
        value={next}
        onInput={setNext}
        autoComplete="new-password"
        hint={next ? strengthHint(next) : undefined}
      />
      <PassphraseField
        label={t('repeatNewPassphrase')}
        value={repeat}
        onInput={setRepeat}
        autoComplete="new-password"
      />
      <ErrorMessage message={error} />
      {done && (
        <Banner tone="info" role="status">
          {t('passphraseChanged')}
        </Banner>
      )}
      <div class="buttons">
        <button type="submit" disabled={busy || current === ''}>
          {busy ? t('changing') : t('changePassphrase')}
        </button>
      </div>
    </form>
  );
}

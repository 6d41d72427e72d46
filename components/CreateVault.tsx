import { t } from '../utils/i18n/i18n';
import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE_LENGTH } from '../utils/core/vault/passphrase-strength';
import { strengthHint } from '../utils/popup/strength-hint';
import { useSubmit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';

/** First run: choose the passphrase that protects the vault. */
export function CreateVault({ onCreate }: { onCreate: (passphrase: string) => Promise<unknown> }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const { error, setError, busy, onSubmit } = useSubmit(async () => {
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return setError(t('strengthTooShort'));
    if (passphrase !== repeat) return setError(t('passphrasesDiffer'));
    await onCreate(passphrase);
  });
  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby="create-title">
      <h2 id="create-title">{t('createTitle')}</h2>
      <p class="muted">{t('createIntro')}</p>
      <PassphraseField
        label={t('newPassphrase')}
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="new-password"
        autoFocus
        hint={passphrase ? strengthHint(passphrase) : t('passphraseAdvice')}
      />
      <PassphraseField label={t('repeatPassphrase')} value={repeat} onInput={setRepeat} autoComplete="new-password" />
      <ErrorMessage message={error} />
      <div class="buttons stretch">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('creating') : t('createVault')}
        </button>
      </div>
    </form>
  );
}

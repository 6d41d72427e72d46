import { t } from '../utils/i18n/i18n';
import { useState } from 'preact/hooks';
import { useSubmit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';

/** Shown while locked: the passphrase unlocks the vault for this browser session. */
export function UnlockVault({ onUnlock }: { onUnlock: (passphrase: string) => Promise<unknown> }) {
  const [passphrase, setPassphrase] = useState('');
  const { error, busy, onSubmit } = useSubmit(() => onUnlock(passphrase));
  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('lockedTitle')}</h2>
      <PassphraseField
        label={t('passphrase')}
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="current-password"
        autoFocus
      />
      <ErrorMessage message={error} />
      <div class="buttons stretch">
        <button type="submit" class="primary" disabled={busy || passphrase === ''}>
          {busy ? t('unlocking') : t('unlock')}
        </button>
      </div>
    </form>
  );
}

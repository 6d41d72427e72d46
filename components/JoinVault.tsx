import { useState } from 'preact/hooks';
import { useSubmit } from '../hooks/useSubmit';
import { t } from '../utils/i18n/i18n';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';
import { Button } from './ui/Button';

interface Props {
  onJoin: (passphrase: string) => Promise<unknown>;
  /** Start a vault of this browser's own instead (it does not sync). */
  onSeparate: () => void;
}

/**
 * First run in a browser whose sync already holds a Tessera vault (issue 17): its passphrase
 * joins it (a wrong one is refused as at unlock, and nothing is written), or a separate vault.
 */
export function JoinVault({ onJoin, onSeparate }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const { error, busy, onSubmit } = useSubmit(() => onJoin(passphrase));
  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby="join-title">
      <h2 id="join-title">{t('joinTitle')}</h2>
      <p class="muted">{t('joinIntro')}</p>
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
          {busy ? t('joining') : t('joinVault')}
        </button>
      </div>
      <div class="buttons stretch">
        <Button onClick={onSeparate} disabled={busy}>
          {t('joinSeparate')}
        </Button>
      </div>
    </form>
  );
}

import { t } from '../utils/i18n/i18n';
import { useState } from 'preact/hooks';
import { useSubmit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';

const CONFIRMATION = 'DELETE';

/** Erases the vault and every account in it, after the user types the confirmation word. */
export function ResetVault({ onReset }: { onReset: (confirmation: string) => Promise<unknown> }) {
  const [typed, setTyped] = useState('');
  const { error, busy, onSubmit } = useSubmit(() => onReset(typed));
  return (
    <form onSubmit={onSubmit} aria-labelledby="reset-title" class="settings-group danger-zone">
      <h3 id="reset-title">{t('eraseTitle')}</h3>
      <p class="muted">{t('eraseIntro')}</p>
      <div class="field">
        <label for="reset-confirm">{t('typeToConfirm', CONFIRMATION)}</label>
        <input
          id="reset-confirm"
          value={typed}
          autoComplete="off"
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </div>
      <ErrorMessage message={error} />
      <div class="buttons">
        <button type="submit" class="danger" disabled={busy || typed !== CONFIRMATION}>
          {t('eraseVault')}
        </button>
      </div>
    </form>
  );
}

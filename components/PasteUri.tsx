import { useState } from 'preact/hooks';
import { t } from '../utils/i18n/i18n';
import { useSubmit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';

/** Add an account from the `otpauth://` link a site offers under "can't scan the code?". */
export function PasteUri({ onAdd }: { onAdd: (uri: string) => Promise<unknown> }) {
  const [uri, setUri] = useState('');
  const { error, busy, onSubmit } = useSubmit(() => onAdd(uri.trim()));
  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby="paste-title">
      <h2 id="paste-title">{t('addFromLink')}</h2>
      <div class="field">
        <label for="otpauth-uri" class="sr-only">
          {t('fieldLink')}
        </label>
        <textarea
          id="otpauth-uri"
          rows={3}
          value={uri}
          placeholder="otpauth://totp/…"
          spellcheck={false}
          onInput={(event) => setUri(event.currentTarget.value)}
        />
      </div>
      <ErrorMessage message={error} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || uri.trim() === ''}>
          {t('addFromLinkButton')}
        </button>
      </div>
    </form>
  );
}

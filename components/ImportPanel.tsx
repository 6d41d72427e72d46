import { useRef, useState } from 'preact/hooks';
import { useImport } from '../hooks/useImport';
import { useSubmit } from '../hooks/useSubmit';
import { t } from '../utils/i18n/i18n';
import { plural } from '../utils/i18n/plural';
import type { ScanChoice } from '../utils/core/preview/scan-preview';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';
import { ScanPreview } from './ScanPreview';
import { Banner } from './ui/Banner';

/**
 * Import from another authenticator: pick the export file (or paste its text), give its password
 * when it is encrypted, then tick the accounts to add in the preview; one vault write.
 */
export function ImportPanel() {
  const [file, setFile] = useState<File>();
  const [pasted, setPasted] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const importing = useImport();

  const { error, busy, onSubmit } = useSubmit(async () => {
    setDone(undefined);
    await importing.read({ file, text: pasted, password });
  });

  const clearForm = () => {
    setFile(undefined);
    setPasted('');
    setPassword('');
    if (fileInput.current) fileInput.current.value = '';
  };
  const confirm = async (nonce: string, choices: ScanChoice[]) => {
    const count = await importing.confirm(nonce, choices);
    clearForm();
    setDone(plural('importDone', count));
  };

  if (importing.preview)
    return (
      <ScanPreview
        preview={importing.preview}
        onConfirm={confirm}
        onCancel={() => void importing.discard().then(clearForm)}
      />
    );
  return (
    <form class="card import" onSubmit={onSubmit} aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="hint">{t('importHint')}</p>
      {done && (
        <Banner tone="info" role="status">
          {done}
        </Banner>
      )}
      <div class="field">
        <label for="import-file">{t('importFile')}</label>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0]);
            importing.clearNeedsPassword();
          }}
        />
      </div>
      <div class="field">
        <label for="import-text">{t('importPaste')}</label>
        <textarea
          id="import-text"
          value={pasted}
          disabled={file !== undefined}
          spellcheck={false}
          onInput={(event) => setPasted(event.currentTarget.value)}
        />
      </div>
      {importing.needsPassword && (
        <PassphraseField
          label={t('importPassword')}
          value={password}
          onInput={setPassword}
          autoComplete="current-password"
          autoFocus
        />
      )}
      <ErrorMessage message={error} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || (!file && pasted.trim() === '')}>
          {busy ? t('importReading') : t('importRead')}
        </button>
      </div>
    </form>
  );
}

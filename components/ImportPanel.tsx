import { useRef, useState } from 'preact/hooks';
import { useSubmit } from '../hooks/useSubmit';
import { readAsDataUrl } from '../hooks/useScan';
import { toBase64, utf8 } from '../utils/core/bytes';
import { t } from '../utils/i18n';
import { MessageError, sendMessage } from '../utils/message-client';
import type { ScanChoice, ScanPreview as Preview } from '../utils/scan-service';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';
import { ScanPreview } from './ScanPreview';

/**
 * Import from another authenticator: pick the export file (or paste its text), give its password
 * when it is encrypted, then tick the accounts to add in the preview; one vault write.
 */
export function ImportPanel() {
  const [file, setFile] = useState<File>();
  const [pasted, setPasted] = useState('');
  const [password, setPassword] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [preview, setPreview] = useState<Preview>();
  const [done, setDone] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  const { error, busy, onSubmit } = useSubmit(async () => {
    setDone(undefined);
    const data = file ? (await readAsDataUrl(file)).replace(/^data:[^,]*,/, '') : toBase64(utf8(pasted));
    try {
      setPreview(await sendMessage('import.file', { data, password }));
    } catch (caught) {
      if (caught instanceof MessageError && (caught.code === 'password-required' || caught.code === 'wrong-password')) setNeedsPassword(true);
      throw caught;
    }
  });

  const reset = () => {
    setPreview(undefined);
    setFile(undefined);
    setPasted('');
    setPassword('');
    setNeedsPassword(false);
    if (fileInput.current) fileInput.current.value = '';
  };
  const confirm = async (choices: ScanChoice[]) => {
    const { added, replaced } = await sendMessage('scan.confirm', { choices });
    reset();
    setDone(t('importDone', added + replaced));
  };

  if (preview) return <ScanPreview preview={preview} onConfirm={confirm} onCancel={() => void sendMessage('scan.discard').then(reset)} />;
  return (
    <form class="card import" onSubmit={onSubmit} aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="hint">{t('importHint')}</p>
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      <div class="field">
        <label for="import-file">{t('importFile')}</label>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0]);
            setNeedsPassword(false);
          }}
        />
      </div>
      <div class="field">
        <label for="import-text">{t('importPaste')}</label>
        <textarea id="import-text" value={pasted} disabled={file !== undefined} spellcheck={false} onInput={(event) => setPasted(event.currentTarget.value)} />
      </div>
      {needsPassword && <PassphraseField label={t('importPassword')} value={password} onInput={setPassword} autoComplete="current-password" autoFocus />}
      <ErrorMessage message={error} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || (!file && pasted.trim() === '')}>
          {busy ? t('importReading') : t('importRead')}
        </button>
      </div>
    </form>
  );
}

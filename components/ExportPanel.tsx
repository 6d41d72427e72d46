import { useState } from 'preact/hooks';
import { useExport } from '../hooks/useExport';
import { useReauth } from '../hooks/useReauth';
import { ReauthField } from './ReauthField';
import { useSubmit } from '../hooks/useSubmit';
import type { ExportFormat } from '../utils/core/export/export-result';
import { t } from '../utils/i18n/i18n';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';
import { QrCode } from './QrCode';
import { Banner } from './ui/Banner';
import { CheckboxRow } from './ui/CheckboxRow';

const FORMATS = [
  { format: 'aegis', label: 'exportAegis' },
  { format: 'google', label: 'exportGoogle' },
  { format: 'otpauth', label: 'exportPlain' },
] as const;

/**
 * Moving to another authenticator: an encrypted Aegis file, Google Authenticator transfer codes to
 * scan with a phone, or a plain otpauth:// list (after a warning: it holds every secret).
 */
export function ExportPanel() {
  const [format, setFormat] = useState<ExportFormat>('aegis');
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const { codes, run, clearCodes } = useExport();
  const reauth = useReauth();
  const { error, busy, onSubmit } = useSubmit(async () => {
    await reauth.run((proof) => run(format, password, proof));
    setPassword('');
  });
  const ready = format === 'aegis' ? password.length > 0 : format === 'otpauth' ? understood : true;
  return (
    <form class="card export" onSubmit={onSubmit} aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <fieldset>
        <legend>{t('exportFormat')}</legend>
        {FORMATS.map((option) => (
          <CheckboxRow
            key={option.format}
            type="radio"
            name="export-format"
            checked={format === option.format}
            onChange={() => {
              setFormat(option.format);
              clearCodes();
            }}
          >
            {t(option.label)}
          </CheckboxRow>
        ))}
      </fieldset>
      {format === 'aegis' && (
        <PassphraseField
          label={t('exportAegisPassword')}
          value={password}
          onInput={setPassword}
          autoComplete="new-password"
          hint={t('exportAegisHint')}
        />
      )}
      {format === 'otpauth' && (
        <>
          <Banner tone="danger" role="alert">
            {t('exportPlainWarning')}
          </Banner>
          <CheckboxRow checked={understood} onChange={(event) => setUnderstood(event.currentTarget.checked)}>
            {t('exportPlainUnderstood')}
          </CheckboxRow>
        </>
      )}
      {format === 'google' && <p class="hint">{t('exportGoogleHint')}</p>}
      <ReauthField reauth={reauth} />
      <ErrorMessage message={error} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || !ready}>
          {format === 'google' ? t('exportShowCodes') : t('exportDownload')}
        </button>
      </div>
      {codes && (
        <div class="export-codes">
          {codes.uris.map((uri, i) => (
            <figure key={uri}>
              <QrCode text={uri} label={t('exportCodeLabel', i + 1, codes.uris.length)} />
              <figcaption>{t('exportCodeLabel', i + 1, codes.uris.length)}</figcaption>
            </figure>
          ))}
          {codes.notMovable.map((item) => (
            <p key={item.name} class="unusable">
              {item.reason}: <strong>{item.name}</strong>
            </p>
          ))}
        </div>
      )}
    </form>
  );
}

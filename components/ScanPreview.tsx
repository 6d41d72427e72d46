import { useState } from 'preact/hooks';
import { t } from '../utils/i18n/i18n';
import type { ScanChoice, ScanPreview as Preview, ScanPreviewRow } from '../utils/core/preview/scan-preview';
import { useSubmit } from '../hooks/useSubmit';
import { accountName } from './AccountRow';
import { ErrorMessage } from './ErrorMessage';

type Choice = 'add' | 'replace' | 'skip';

function describe(row: ScanPreviewRow): string {
  const kind =
    row.type === 'hotp'
      ? t('scanKindHotp', row.counter ?? 0)
      : row.type === 'steam'
        ? t('scanKindSteam')
        : t('scanKindTotp', row.period ?? 30);
  return [kind, t('scanDigits', row.digits), row.algorithm, ...(row.tags ?? [])].join(' · ');
}

interface Props {
  preview: Preview;
  onConfirm: (choices: ScanChoice[], rememberSite: boolean) => Promise<unknown>;
  /** Scan again (the popup); absent for an imported file. */
  onRescan?: () => void;
  onCancel: () => void;
}

/**
 * What a scan found: one checkbox per account (skip or replace for ones already in Tessera), and
 * whether to remember the page's site for them (the autofill's first-fill question, asked here),
 * then one write.
 */
export function ScanPreview({ preview, onConfirm, onRescan, onCancel }: Props) {
  const [choices, setChoices] = useState<Record<number, Choice>>(() =>
    Object.fromEntries(preview.accounts.map((row) => [row.key, row.duplicate ? 'skip' : 'add'])),
  );
  const [rememberSite, setRememberSite] = useState(true);
  const chosen = preview.accounts.filter((row) => choices[row.key] !== 'skip');
  const { error, busy, onSubmit } = useSubmit(() =>
    onConfirm(
      chosen.map((row) => ({ key: row.key, action: choices[row.key] as 'add' | 'replace' })),
      preview.site !== undefined && rememberSite,
    ),
  );
  const set = (key: number, choice: Choice) => setChoices({ ...choices, [key]: choice });
  return (
    <form class="card scan-preview" onSubmit={onSubmit} aria-labelledby="scan-title">
      <h2 id="scan-title">{preview.accounts.length ? t('scanFound', preview.accounts.length) : t('scanFoundNone')}</h2>
      {preview.format && <p class="hint">{t('importFrom', preview.format)}</p>}
      {preview.batches
        .filter((batch) => !batch.complete)
        .map((batch) => (
          <p key={batch.id} class="notice" role="status">
            {t('scanBatchProgress', batch.scanned, batch.size)}
          </p>
        ))}
      {preview.accounts.length > 0 && (
        <ul class="scan-list">
          {preview.accounts.map((row) => {
            const name = accountName(row);
            return (
              <li key={row.key}>
                {row.duplicate ? (
                  <fieldset>
                    <legend>
                      {name} <span class="hint">{t('scanDuplicate')}</span>
                    </legend>
                    {(['skip', 'replace'] as const).map((choice) => (
                      <label key={choice}>
                        <input
                          type="radio"
                          name={`scan-${row.key}`}
                          checked={choices[row.key] === choice}
                          onChange={() => set(row.key, choice)}
                        />{' '}
                        {t(choice === 'skip' ? 'scanSkip' : 'scanReplace')}
                      </label>
                    ))}
                  </fieldset>
                ) : (
                  <label>
                    <input
                      type="checkbox"
                      checked={choices[row.key] === 'add'}
                      onChange={(event) => set(row.key, event.currentTarget.checked ? 'add' : 'skip')}
                    />{' '}
                    {name}
                  </label>
                )}
                <span class="hint">{describe(row)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {preview.site && chosen.length > 0 && (
        <label class="remember-site">
          <input
            type="checkbox"
            checked={rememberSite}
            onChange={(event) => setRememberSite(event.currentTarget.checked)}
          />{' '}
          {t('scanRememberSite', preview.site)}
        </label>
      )}
      {[...preview.unusable, ...preview.skipped.map((skipped) => ({ text: skipped.name, reason: skipped.reason }))].map(
        (item) => (
          <p key={item.text} class="unusable">
            {item.reason} <code>{item.text}</code>
          </p>
        ),
      )}
      <ErrorMessage message={error} />
      <div class="buttons">
        {preview.accounts.length > 0 && (
          <button type="submit" class="primary" disabled={busy || chosen.length === 0}>
            {t('scanAdd', chosen.length)}
          </button>
        )}
        {onRescan && (
          <button type="button" onClick={onRescan}>
            {t('scanAgain')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

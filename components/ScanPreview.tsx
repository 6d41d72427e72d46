import { useState } from 'preact/hooks';
import { t } from '../utils/i18n/i18n';
import { plural } from '../utils/i18n/plural';
import type { ScanChoice, ScanPreview as Preview, ScanPreviewRow } from '../utils/core/preview/scan-preview';
import { useSubmit } from '../hooks/useSubmit';
import { shortOrigin } from '../utils/core/preview/page-origin';
import { accountName } from './AccountRow';
import { ErrorMessage } from './ErrorMessage';
import { Banner } from './ui/Banner';
import { CheckboxRow } from './ui/CheckboxRow';
import { ListRow } from './ui/ListRow';
import { Button } from './ui/Button';

type Choice = 'add' | 'replace' | 'skip';

function describe(row: ScanPreviewRow): string {
  const kind =
    row.type === 'hotp'
      ? t('scanKindHotp', row.counter ?? 0)
      : row.type === 'steam'
        ? t('scanKindSteam')
        : t('scanKindTotp', row.period ?? 30);
  return [kind, plural('scanDigits', row.digits), row.algorithm, ...(row.tags ?? [])].join(' · ');
}

/** Where a row's code was shown, compactly ("from github.com"); the whole origin for screen readers. */
function Place({ row, id }: { row: ScanPreviewRow; id: string }) {
  if (row.picture)
    return (
      <span id={id}>
        <span aria-hidden="true"> ·</span> {t('scanFromPicture')}
      </span>
    );
  if (!row.origin) return null;
  return (
    <span id={id}>
      <span aria-hidden="true">{` · ${t('scanFromOrigin', shortOrigin(row.origin))}`}</span>
      <span class="sr-only">{` ${t('scanFoundOn', row.origin)}`}</span>
    </span>
  );
}

interface Props {
  preview: Preview;
  /** `remember`: the page origins to bind, each to the chosen accounts whose codes it showed. */
  onConfirm: (nonce: string, choices: ScanChoice[], remember: string[]) => Promise<unknown>;
  /** Scan again (the popup); absent for an imported file. */
  onRescan?: () => void;
  onCancel: () => void;
}

/**
 * What a scan found: one checkbox per account (skip or replace for ones already in Tessera), with
 * the page (or picture) each code came from, and whether to remember each page for the accounts
 * it showed (the autofill's first-fill question, asked here), then one write. Codes from more
 * than one place are said to be so, and then no page is remembered unless the user ticks it.
 * Choices follow rows by key, so a preview that changes under them keeps them.
 */
export function ScanPreview({ preview, onConfirm, onRescan, onCancel }: Props) {
  const [picked, setChoices] = useState<Record<string, Choice>>({});
  const choiceOf = (row: ScanPreviewRow): Choice => picked[row.key] ?? (row.duplicate ? 'skip' : 'add');
  const places = new Set(preview.accounts.flatMap((row) => row.origin ?? (row.picture ? [''] : [])));
  const mixed = places.size > 1;
  const [remembered, setRemembered] = useState<Record<string, boolean>>({});
  const chosen = preview.accounts.filter((row) => choiceOf(row) !== 'skip');
  const origins = [...new Set(chosen.flatMap((row) => row.origin ?? []))];
  const remember = (origin: string) => remembered[origin] ?? !mixed;
  const { error, busy, onSubmit } = useSubmit(() =>
    onConfirm(
      preview.nonce,
      chosen.map((row) => ({ key: row.key, action: choiceOf(row) as 'add' | 'replace' })),
      origins.filter(remember),
    ),
  );
  const set = (key: string, choice: Choice) => setChoices({ ...picked, [key]: choice });
  return (
    <form class="card scan-preview" onSubmit={onSubmit} aria-labelledby="scan-title">
      <h2 id="scan-title">
        {preview.accounts.length ? plural('scanFound', preview.accounts.length) : t('scanFoundNone')}
      </h2>
      {mixed && <Banner role="status">{t('scanMixedPlaces')}</Banner>}
      {preview.format && <p class="hint">{t('importFrom', preview.format)}</p>}
      {preview.batches
        .filter((batch) => !batch.complete)
        .map((batch) => (
          <Banner key={batch.id} tone="info" role="status">
            {plural('scanBatchProgress', batch.size, batch.scanned, batch.size)}
          </Banner>
        ))}
      {preview.accounts.length > 0 && (
        <ul class="list-rows scan-list">
          {preview.accounts.map((row) => {
            const name = accountName(row);
            const place = `scan-place-${row.key}`;
            const described = row.origin || row.picture ? place : undefined;
            return (
              <ListRow
                key={row.key}
                detail={
                  <>
                    {describe(row)}
                    <Place row={row} id={place} />
                  </>
                }
              >
                {row.duplicate ? (
                  <fieldset aria-describedby={described} class="duplicate">
                    <legend>
                      {name} <span class="badge">{t('scanDuplicate')}</span>
                    </legend>
                    <div class="choice-pair">
                      {(['skip', 'replace'] as const).map((choice) => (
                        <CheckboxRow
                          key={choice}
                          type="radio"
                          name={`scan-${row.key}`}
                          checked={choiceOf(row) === choice}
                          onChange={() => set(row.key, choice)}
                        >
                          {t(choice === 'skip' ? 'scanSkip' : 'scanReplace')}
                        </CheckboxRow>
                      ))}
                    </div>
                  </fieldset>
                ) : (
                  <CheckboxRow
                    aria-describedby={described}
                    checked={choiceOf(row) === 'add'}
                    onChange={(event) => set(row.key, event.currentTarget.checked ? 'add' : 'skip')}
                  >
                    {name}
                  </CheckboxRow>
                )}
              </ListRow>
            );
          })}
        </ul>
      )}
      {origins.map((origin) => (
        <CheckboxRow
          key={origin}
          class="remember-site"
          checked={remember(origin)}
          onChange={(event) => setRemembered({ ...remembered, [origin]: event.currentTarget.checked })}
        >
          {t('scanRememberSite', origin)}
        </CheckboxRow>
      ))}
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
            {plural('scanAdd', chosen.length)}
          </button>
        )}
        {onRescan && <Button onClick={onRescan}>{t('scanAgain')}</Button>}
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}

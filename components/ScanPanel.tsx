import { t } from '../utils/i18n/i18n';
import type { ScanChoice } from '../utils/core/preview/scan-preview';
import type { ScanState } from '../hooks/useScan';
import { ErrorMessage } from './ErrorMessage';
import { ScanPreview } from './ScanPreview';

interface Props {
  state: ScanState;
  onScanPage: () => void;
  onSelectRegion: () => void;
  onImage: (file: Blob) => void;
  onConfirm: (nonce: string, choices: ScanChoice[], remember: string[]) => Promise<unknown>;
  onCancel: () => void;
}

/** Scan the page or a picture, then show what was found; pasting a picture anywhere here scans it too. */
export function ScanPanel({ state, onScanPage, onSelectRegion, onImage, onConfirm, onCancel }: Props) {
  const onPaste = (event: ClipboardEvent) => {
    const file = [...(event.clipboardData?.files ?? [])].find((item) => item.type.startsWith('image/'));
    if (file) {
      event.preventDefault();
      onImage(file);
    }
  };
  if (state.step === 'done' && state.outcome.status === 'found') {
    return (
      <ScanPreview preview={state.outcome.preview} onConfirm={onConfirm} onRescan={onScanPage} onCancel={onCancel} />
    );
  }
  return (
    <section class="card scan" aria-labelledby="scan-panel-title" onPaste={onPaste}>
      <h2 id="scan-panel-title">{t('scanTitle')}</h2>
      {state.step === 'scanning' && (
        <p role="status" class="notice">
          {t('scanLooking')}
        </p>
      )}
      {state.step === 'done' && state.outcome.status === 'none' && (
        <>
          <p role="alert" class="notice">
            {state.outcome.reason ?? t('scanNothing')}
          </p>
          {state.outcome.notes?.map((note) => (
            <p key={note} class="hint scan-note">
              {note}
            </p>
          ))}
          {/* The last resort, offered only when the page and a screenshot found nothing. */}
          {!state.outcome.reason && (
            <button type="button" class="primary" onClick={onSelectRegion}>
              {t('scanRegion')}
            </button>
          )}
        </>
      )}
      {state.step === 'done' && state.outcome.status === 'restricted' && (
        <p role="alert" class="notice">
          {state.outcome.reason}
        </p>
      )}
      <ErrorMessage message={state.step === 'failed' ? state.message : undefined} />
      <div class="buttons">
        <button type="button" class="primary" onClick={onScanPage} disabled={state.step === 'scanning'}>
          {t('scanPage')}
        </button>
        <label class="button">
          {t('scanFile')}
          <input
            type="file"
            accept="image/*"
            class="sr-only"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) onImage(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <p class="hint">{t('scanPasteHint')}</p>
    </section>
  );
}

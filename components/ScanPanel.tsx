import { t } from '../utils/i18n/i18n';
import type { ScanChoice } from '../utils/core/preview/scan-preview';
import type { ScanState } from '../hooks/useScan';
import { ErrorMessage } from './ErrorMessage';
import { ScanPreview } from './ScanPreview';
import { Banner } from './ui/Banner';

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
  const regionOffered = state.step === 'done' && state.outcome.status === 'none' && !state.outcome.reason;
  return (
    <section class="card scan" aria-labelledby="scan-panel-title" onPaste={onPaste}>
      <h2 id="scan-panel-title">{t('scanTitle')}</h2>
      {state.step === 'scanning' && (
        <Banner tone="info" role="status">
          {t('scanLooking')}
        </Banner>
      )}
      {state.step === 'done' && state.outcome.status === 'none' && (
        <>
          <Banner role="alert">{state.outcome.reason ?? t('scanNothing')}</Banner>
          {state.outcome.notes?.map((note) => (
            <p key={note} class="hint scan-note">
              {note}
            </p>
          ))}
          {/* The last resort, offered only when the page and a screenshot found nothing. */}
          {!state.outcome.reason && (
            <div class="buttons">
              <button type="button" class="primary" onClick={onSelectRegion}>
                {t('scanRegion')}
              </button>
            </div>
          )}
        </>
      )}
      {state.step === 'done' && state.outcome.status === 'restricted' && (
        <Banner role="alert">{state.outcome.reason}</Banner>
      )}
      <ErrorMessage message={state.step === 'failed' ? state.message : undefined} />
      <div class="buttons stretch">
        {/* Once the region is offered, it is the one main action. */}
        <button
          type="button"
          class={regionOffered ? undefined : 'primary'}
          onClick={onScanPage}
          disabled={state.step === 'scanning'}
        >
          {t('scanPage')}
        </button>
        <label class="file-button">
          {t('scanFile')}
          <input
            type="file"
            accept="image/*"
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

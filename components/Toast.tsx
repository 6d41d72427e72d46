import { t } from '../utils/i18n/i18n';

export interface ToastMessage {
  text: string;
  /** Offers an Undo button that calls this. */
  onUndo?: () => void;
}

/** A short confirmation ("Copied", "Deleted. Undo") announced to screen readers. */
export function Toast({ toast }: { toast: ToastMessage | undefined }) {
  return (
    <div class="toast-area" role="status" aria-live="polite">
      {toast && (
        <div class="toast">
          <span>{toast.text}</span>
          {toast.onUndo && (
            <button type="button" onClick={toast.onUndo}>
              {t('undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

import { t } from '../utils/i18n/i18n';
import { formatSignedDuration } from '../utils/popup/format-duration';

/** The clock correction codes use ("Clock correction: +42 s"), and Reset. */
export function ClockSetting({ offsetMs, onReset }: { offsetMs: number; onReset: () => void }) {
  return (
    <div class="field clock-setting">
      <div class="row">
        <span id="clock-correction">
          {offsetMs === 0 ? t('clockCorrectionNone') : t('clockCorrection', formatSignedDuration(offsetMs))}
        </span>
        {offsetMs !== 0 && (
          <button type="button" onClick={onReset} aria-label={t('clockResetLabel')}>
            {t('clockReset')}
          </button>
        )}
      </div>
      <p class="hint">{t(offsetMs === 0 ? 'clockCorrectionNoneHint' : 'clockCorrectionHint')}</p>
    </div>
  );
}

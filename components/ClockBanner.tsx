import type { ClockWarning } from '../utils/core/clock/clock-check';
import { t } from '../utils/i18n/i18n';
import { formatDuration, formatSignedDuration } from '../utils/popup/format-duration';
import { Button } from './ui/Button';

interface Props {
  warning: ClockWarning | null;
  onCorrect: () => void;
  onDismiss: () => void;
}

/** "Your computer's clock is 2 min 5 s slow compared with github.com": the offer to correct it. */
export function ClockBanner({ warning, onCorrect, onDismiss }: Props) {
  if (!warning) return null;
  const { host, errorMs, correctionMs } = warning;
  const text =
    correctionMs === 0
      ? t(errorMs > 0 ? 'clockSlow' : 'clockFast', formatDuration(errorMs), host)
      : t('clockCorrectionOff', formatSignedDuration(correctionMs), host, formatSignedDuration(correctionMs + errorMs));
  return (
    <div class="banner banner-warning clock-banner" role="status" aria-labelledby="clock-banner-text">
      <p id="clock-banner-text">{text}</p>
      <div class="buttons">
        <Button onClick={onDismiss} aria-label={t('clockDismissLabel')}>
          {t('dismiss')}
        </Button>
        <Button variant="primary" onClick={onCorrect}>
          {t(correctionMs === 0 ? 'clockUseCorrected' : 'clockUpdateCorrection')}
        </Button>
      </div>
    </div>
  );
}

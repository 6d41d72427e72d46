/** Durations as the popup says them: "2 min 5 s", "1 h 3 min", and signed, "+42 s". */
import { durationParts } from '../core/clock/duration-parts';
import { t } from '../i18n/i18n';

/** The duration without its sign, largest unit first, leaving out zero units ("5 min", "0 s"). */
export function formatDuration(ms: number): string {
  const { hours, minutes, seconds } = durationParts(ms);
  const parts = [
    hours ? t('hours', hours) : '',
    minutes ? t('minutes', minutes) : '',
    seconds || (!hours && !minutes) ? t('seconds', seconds) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** With its sign: "+42 s", "−5 min" (a minus sign, as screen readers say it). */
export function formatSignedDuration(ms: number): string {
  const { negative } = durationParts(ms);
  return `${negative ? '−' : '+'}${formatDuration(ms)}`;
}

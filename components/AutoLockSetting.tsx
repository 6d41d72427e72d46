import { t } from '../utils/i18n/i18n';
import { AUTO_LOCK_CHOICES } from '../utils/core/vault/settings';

const label = (minutes: number) =>
  minutes === 0 ? t('never') : minutes < 60 ? t('minutes', minutes) : t('hours', minutes / 60);

/** Choose how long Tessera stays unlocked without use. */
export function AutoLockSetting({ minutes, onChange }: { minutes: number; onChange: (minutes: number) => void }) {
  return (
    <div class="field">
      <label for="auto-lock">{t('lockAfter')}</label>
      <select id="auto-lock" value={String(minutes)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {AUTO_LOCK_CHOICES.map((choice) => (
          <option key={choice} value={String(choice)}>
            {label(choice)}
          </option>
        ))}
      </select>
      {minutes === 0 && <p class="hint warning">{t('lockNeverWarning')}</p>}
    </div>
  );
}

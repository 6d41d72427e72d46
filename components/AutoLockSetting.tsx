import { AUTO_LOCK_CHOICES } from '../utils/settings-item';

const label = (minutes: number) => (minutes === 0 ? 'Never' : minutes < 60 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`);

/** Choose how long Tessera stays unlocked without use. */
export function AutoLockSetting({ minutes, onChange }: { minutes: number; onChange: (minutes: number) => void }) {
  return (
    <div class="field">
      <label for="auto-lock">Lock after being idle for</label>
      <select id="auto-lock" value={String(minutes)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {AUTO_LOCK_CHOICES.map((choice) => (
          <option key={choice} value={String(choice)}>
            {label(choice)}
          </option>
        ))}
      </select>
      {minutes === 0 && (
        <p class="hint warning">Anyone using this browser profile can see your codes until you lock Tessera yourself.</p>
      )}
    </div>
  );
}

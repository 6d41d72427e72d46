import type { Settings } from '../utils/settings-item';
import { AutoLockSetting } from './AutoLockSetting';
import { ChangePassphrase } from './ChangePassphrase';
import { ResetVault } from './ResetVault';

interface Props {
  settings: Settings;
  onSettings: (changes: Partial<Settings>) => void;
  onChangePassphrase: (current: string, next: string) => Promise<unknown>;
  onReset: (confirmation: string) => Promise<unknown>;
}

export function SettingsPanel({ settings, onSettings, onChangePassphrase, onReset }: Props) {
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <AutoLockSetting minutes={settings.autoLockMinutes} onChange={(autoLockMinutes) => onSettings({ autoLockMinutes })} />
      <ChangePassphrase onChange={onChangePassphrase} />
      <ResetVault onReset={onReset} />
    </section>
  );
}

import type { Settings } from '../utils/core/vault/settings';
import { t } from '../utils/i18n/i18n';
import { AutoLockSetting } from './AutoLockSetting';
import { ClockSetting } from './ClockSetting';
import { DisplaySettings } from './DisplaySettings';
import { ChangePassphrase } from './ChangePassphrase';
import { ResetVault } from './ResetVault';
import { SyncSettings } from './SyncSettings';
import { BackupReminder } from './BackupPanel';
import { Button } from './ui/Button';
import { Card } from './ui/Card';

interface Props {
  settings: Settings;
  onSettings: (changes: Partial<Settings>) => void;
  onChangePassphrase: (current: string, next: string) => Promise<unknown>;
  onReset: (confirmation: string) => Promise<unknown>;
  /** Opens the options page, where accounts are imported. */
  onImport: () => void;
  /** Opens the side panel; absent where there is none (Firefox for Android, the panel itself). */
  onOpenSidePanel?: () => void;
}

export function SettingsPanel({ settings, onSettings, onChangePassphrase, onReset, onImport, onOpenSidePanel }: Props) {
  return (
    <Card id="settings-title" title={t('settings')} class="settings">
      <div class="settings-group">
        <AutoLockSetting
          minutes={settings.autoLockMinutes}
          onChange={(autoLockMinutes) => onSettings({ autoLockMinutes })}
        />
        <DisplaySettings settings={settings} onChange={onSettings} />
        <ClockSetting offsetMs={settings.clockOffsetMs} onReset={() => onSettings({ clockOffsetMs: 0 })} />
      </div>
      <div class="settings-group">
        <BackupReminder />
        <div class="buttons">
          <Button onClick={onImport}>{t('importOpen')}</Button>
        </div>
      </div>
      <SyncSettings />
      {onOpenSidePanel && (
        <div class="settings-group">
          <p id="side-panel-hint" class="hint">
            {t('openSidePanelHint')}
          </p>
          <div class="buttons">
            <Button onClick={onOpenSidePanel} aria-describedby="side-panel-hint">
              {t('openSidePanel')}
            </Button>
          </div>
        </div>
      )}
      <ChangePassphrase onChange={onChangePassphrase} />
      <ResetVault onReset={onReset} />
    </Card>
  );
}

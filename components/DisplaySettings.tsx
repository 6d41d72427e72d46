import { useState } from 'preact/hooks';
import type { Settings, Theme } from '../utils/core/vault/settings';
import { THEMES } from '../utils/core/vault/settings';
import { t } from '../utils/i18n/i18n';
import { releaseIconPermission, requestIconPermission } from '../utils/popup/icon-permission';
import { CheckboxRow } from './ui/CheckboxRow';

const THEME_LABEL: Record<Theme, Parameters<typeof t>[0]> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
};

/** Theme, "hide codes until hovered" (for screen sharing), clearing copied codes and site icons. */
export function DisplaySettings({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (changes: Partial<Settings>) => void;
}) {
  const [iconsDenied, setIconsDenied] = useState(false);
  /** On asks Chrome for `favicon` in this click (refused, icons stay off); off gives it back. */
  const onShowIcons = async (on: boolean) => {
    const allowed = !on || (await requestIconPermission());
    setIconsDenied(!allowed);
    if (allowed) onChange({ showIcons: on });
    if (!on) void releaseIconPermission();
  };
  return (
    <>
      <div class="field">
        <label for="theme">{t('theme')}</label>
        <select
          id="theme"
          value={settings.theme}
          onChange={(event) => onChange({ theme: event.currentTarget.value as Theme })}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(THEME_LABEL[theme])}
            </option>
          ))}
        </select>
      </div>
      <CheckboxRow
        id="hide-codes"
        checked={settings.hideCodes}
        onChange={(event) => onChange({ hideCodes: event.currentTarget.checked })}
      >
        {t('hideCodes')}
      </CheckboxRow>
      <CheckboxRow
        id="clear-clipboard"
        checked={settings.clearClipboard}
        onChange={(event) => onChange({ clearClipboard: event.currentTarget.checked })}
      >
        {t('clearClipboard')}
      </CheckboxRow>
      <CheckboxRow
        id="show-icons"
        checked={settings.showIcons}
        aria-describedby={iconsDenied ? 'show-icons-denied' : undefined}
        onChange={(event) => void onShowIcons(event.currentTarget.checked)}
      >
        {t('showIcons')}
      </CheckboxRow>
      {iconsDenied && (
        <p id="show-icons-denied" class="hint" role="status">
          {t('showIconsDenied')}
        </p>
      )}
    </>
  );
}

import { useState } from 'preact/hooks';
import type { AutoBackupList } from '../utils/core/export/backup-status';
import { t } from '../utils/i18n/i18n';
import { CheckboxRow } from './ui/CheckboxRow';

interface Props {
  auto: AutoBackupList | undefined;
  /** Turns them on (asking for `downloads` in this click; false when refused) or off. */
  onChange: (on: boolean) => Promise<boolean>;
  /** Says under the box what it does and where the files go (the options page, until the list of them shows it). */
  withHint?: boolean;
}

/** "Back up automatically": the popup's Settings and the options page's backup card. */
export function AutoBackupSetting({ auto, onChange, withHint = false }: Props) {
  const [denied, setDenied] = useState(false);
  if (!auto) return null;
  // The list of automatic backups (AutoBackupList) says it once it shows.
  const hint = withHint && !auto.on && auto.backups.length === 0;
  const described = [hint && 'auto-backup-hint', denied && 'auto-backup-denied'].filter(Boolean).join(' ');
  return (
    <>
      <CheckboxRow
        id="auto-backup"
        checked={auto.on}
        aria-describedby={described || undefined}
        onChange={(event) => void onChange(event.currentTarget.checked).then((allowed) => setDenied(!allowed))}
      >
        {t('autoBackup')}
      </CheckboxRow>
      {hint && (
        <p id="auto-backup-hint" class="hint">
          {t('autoBackupHint', auto.folder, auto.keep)}
        </p>
      )}
      {denied && (
        <p id="auto-backup-denied" class="hint" role="status">
          {t('autoBackupDenied')}
        </p>
      )}
    </>
  );
}

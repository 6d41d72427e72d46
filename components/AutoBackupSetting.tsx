import { useState } from 'preact/hooks';
import type { AutoBackupList } from '../utils/core/export/backup-status';
import { t } from '../utils/i18n/i18n';
import { CheckboxRow } from './ui/CheckboxRow';

interface Props {
  auto: AutoBackupList | undefined;
  /** Turns them on (asking for `downloads` in this click; false when refused) or off. */
  onChange: (on: boolean) => Promise<boolean>;
  /** Says under the box what it does and where the files go (the options page). */
  withHint?: boolean;
}

/** "Back up automatically": the popup's Settings and the options page's backup card. */
export function AutoBackupSetting({ auto, onChange, withHint = false }: Props) {
  const [denied, setDenied] = useState(false);
  if (!auto) return null;
  const described = [withHint && 'auto-backup-hint', denied && 'auto-backup-denied'].filter(Boolean).join(' ');
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
      {withHint && (
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

import { useEffect, useState } from 'preact/hooks';
import { useSubmit } from '../hooks/useSubmit';
import type { BackupStatus } from '../utils/backup-handlers';
import { downloadText } from '../utils/download-text';
import { t } from '../utils/i18n';
import { sendMessage } from '../utils/message-client';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';

const REMINDERS = { never: 'backupNever', old: 'backupOld', 'new-accounts': 'backupNewAccounts' } as const;

function useBackupStatus() {
  const [status, setStatus] = useState<BackupStatus>();
  const refresh = () => void sendMessage('backup.status').then(setStatus, () => undefined);
  useEffect(refresh, []);
  return { status, refresh };
}

function BackupStatusLines({ status }: { status: BackupStatus | undefined }) {
  return (
    <>
      <p class="hint" role="status">
        {status?.lastAt ? t('backupLast', new Date(status.lastAt).toLocaleString()) : t('backupNone')}
      </p>
      {status?.reminder && <p class="notice">{t(REMINDERS[status.reminder])}</p>}
    </>
  );
}

/** The popup's Settings: when the last backup was made, and a reminder when one is due. */
export function BackupReminder() {
  const { status } = useBackupStatus();
  return <BackupStatusLines status={status} />;
}

/**
 * A backup of everything (accounts, order, pins, sites) as one encrypted file, under the vault's
 * passphrase or one of its own; restored through the import above. Says when the last one was
 * made, and reminds when it is due.
 */
export function BackupPanel() {
  const { status, refresh } = useBackupStatus();
  const [passphrase, setPassphrase] = useState('');
  const { error, busy, onSubmit } = useSubmit(async () => {
    const backup = await sendMessage('backup.create', passphrase ? { passphrase } : undefined);
    downloadText(backup.fileName, backup.text);
    setPassphrase('');
    refresh();
  });
  return (
    <form class="card backup" onSubmit={onSubmit} aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <BackupStatusLines status={status} />
      <PassphraseField label={t('backupPassphrase')} value={passphrase} onInput={setPassphrase} autoComplete="new-password" hint={t('backupPassphraseHint')} />
      <ErrorMessage message={error} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {t('backupDownload')}
        </button>
      </div>
    </form>
  );
}

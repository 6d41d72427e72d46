import { useState } from 'preact/hooks';
import { useBackup } from '../hooks/useBackup';
import { useReauth } from '../hooks/useReauth';
import { ReauthField } from './ReauthField';
import { useSubmit } from '../hooks/useSubmit';
import type { BackupStatus } from '../utils/core/export/backup-status';
import { t } from '../utils/i18n/i18n';
import { messageLocale } from '../utils/i18n/plural';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';
import { Banner } from './ui/Banner';
import { AutoBackupSetting } from './AutoBackupSetting';

const REMINDERS = { never: 'backupNever', old: 'backupOld', 'new-accounts': 'backupNewAccounts' } as const;

function BackupStatusLines({ status }: { status: BackupStatus | undefined }) {
  return (
    <>
      <p class="hint" role="status">
        {status?.lastAt ? t('backupLast', new Date(status.lastAt).toLocaleString(messageLocale())) : t('backupNone')}
      </p>
      {status?.reminder && <Banner>{t(REMINDERS[status.reminder])}</Banner>}
    </>
  );
}

/** The popup's Settings: when the last backup was made, a reminder when one is due, automatic backups. */
export function BackupReminder() {
  const { status, setAuto } = useBackup();
  return (
    <>
      <BackupStatusLines status={status} />
      <AutoBackupSetting auto={status?.auto} onChange={setAuto} />
    </>
  );
}

/**
 * A backup of everything (accounts, order, pins, sites) as one encrypted file, under the vault's
 * passphrase or one of its own; restored through the import above. Says when the last one was
 * made, and reminds when it is due; automatic backups on or off. `backup`: the options page's
 * useBackup, which its list of automatic backups (AutoBackupList, outside the popup's script) shares.
 */
export function BackupPanel({ backup }: { backup: ReturnType<typeof useBackup> }) {
  const { status, create, setAuto } = backup;
  const [passphrase, setPassphrase] = useState('');
  const reauth = useReauth();
  const { error, busy, onSubmit } = useSubmit(async () => {
    await reauth.run((proof) => create(passphrase, proof));
    setPassphrase('');
  });
  return (
    <form class="card backup" onSubmit={onSubmit} aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <BackupStatusLines status={status} />
      <AutoBackupSetting auto={status?.auto} onChange={setAuto} withHint />
      <PassphraseField
        label={t('backupPassphrase')}
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="new-password"
        hint={t('backupPassphraseHint')}
      />
      <ReauthField reauth={reauth} />
      <ErrorMessage message={error} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {t('backupDownload')}
        </button>
      </div>
    </form>
  );
}

import { t } from '../utils/i18n/i18n';
import { useTheme } from '../hooks/useTheme';
import { useVault } from '../hooks/useVault';
import { ErrorMessage } from './ErrorMessage';
import { BackupPanel } from './BackupPanel';
import { AutoBackupList } from './AutoBackupList';
import { useBackup } from '../hooks/useBackup';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { PrivacyPolicy } from './PrivacyPolicy';
import { UnlockVault } from './UnlockVault';
import { Banner } from './ui/Banner';

/** The backup card and, below it, the automatic backups kept, sharing one backup status. */
function BackupCards() {
  const backup = useBackup();
  return (
    <>
      <BackupPanel backup={backup} />
      <AutoBackupList auto={backup.status?.auto} />
    </>
  );
}

/** The options page (a tab), once unlocked: import from other authenticators, back up, export. */
export function OptionsApp() {
  const { status, failure, run } = useVault();
  useTheme(status?.settings.theme);
  return (
    <>
      <header>
        <img src="/icon/32.png" alt="" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <main>
        <ErrorMessage message={failure} />
        {status?.state === 'new' && <Banner tone="info">{t('optionsCreateFirst')}</Banner>}
        {status?.state === 'locked' && <UnlockVault onUnlock={(passphrase) => run('vault.unlock', { passphrase })} />}
        {status?.state === 'unlocked' && (
          <>
            <ImportPanel />
            <BackupCards />
            <ExportPanel />
          </>
        )}
        <PrivacyPolicy />
      </main>
    </>
  );
}

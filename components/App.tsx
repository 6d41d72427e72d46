/** The popup: follows the vault's state (new, locked, unlocked) and, unlocked, its screens. */
import { useEffect, useState } from 'preact/hooks';
import { useTheme } from '../hooks/useTheme';
import { useSidePanel } from '../hooks/useSidePanel';
import { useVault } from '../hooks/useVault';
import { t } from '../utils/i18n/i18n';
import { openOptions } from '../utils/popup/open-options';
import type { PopupView } from '../utils/popup/popup-view';
import { CreateVault } from './CreateVault';
import { ErrorMessage } from './ErrorMessage';
import { JoinVault } from './JoinVault';
import { PopupHeader } from './PopupHeader';
import { SettingsPanel } from './SettingsPanel';
import { UnlockedScreen } from './UnlockedScreen';
import { UnlockVault } from './UnlockVault';
import { Banner } from './ui/Banner';

export function App() {
  const { status, failure, run, refresh } = useVault();
  const [view, setView] = useState<PopupView>({ name: 'list' });
  /** First run with a synced vault to join: the user chose a separate one instead. */
  const [separate, setSeparate] = useState(false);
  const joining = status?.state === 'new' && status.synced === true && !separate;
  const unlocked = status?.state === 'unlocked';
  useTheme(status?.settings.theme);
  const openSidePanel = useSidePanel(view.name === 'settings');
  const toList = () => setView({ name: 'list' });
  // Locked: whatever was open (a QR code, an edit) is not shown again after the next unlock.
  useEffect(() => {
    if (status?.state === 'locked') setView({ name: 'list' });
  }, [status?.state]);
  return (
    <>
      <PopupHeader
        unlocked={unlocked}
        view={view}
        setView={setView}
        onLock={() => void run('vault.lock', undefined).then(toList)}
      />
      <main>
        <ErrorMessage message={failure} />
        {joining && (
          <JoinVault onJoin={(passphrase) => run('vault.join', { passphrase })} onSeparate={() => setSeparate(true)} />
        )}
        {status?.state === 'new' && !joining && (
          <CreateVault onCreate={(passphrase) => run('vault.create', { passphrase })} />
        )}
        {status?.state === 'locked' && <UnlockVault onUnlock={(passphrase) => run('vault.unlock', { passphrase })} />}
        {unlocked && status.restored && (
          <Banner tone="info" role="status">
            {t('restoredNotice')}
          </Banner>
        )}
        {unlocked && status.rolledBack && <Banner role="status">{t('rolledBackNotice')}</Banner>}
        {unlocked && status.settingsIgnored && <Banner role="status">{t('settingsIgnoredNotice')}</Banner>}
        {unlocked && view.name === 'settings' && (
          <SettingsPanel
            settings={status.settings}
            onSettings={(changes) => void run('settings.update', changes).then(refresh)}
            onChangePassphrase={(current, next) => run('vault.changePassphrase', { current, next })}
            onReset={(confirmation) => run('vault.reset', { confirmation }).then(toList)}
            onImport={() => void openOptions()}
            onOpenSidePanel={openSidePanel}
          />
        )}
        {unlocked && view.name !== 'settings' && (
          <UnlockedScreen
            view={view}
            setView={setView}
            hideCodes={status.settings.hideCodes}
            showIcons={status.settings.showIcons}
            onSettingsChanged={() => void refresh()}
          />
        )}
      </main>
    </>
  );
}

import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { AccountView } from '../utils/core/accounts/account-view';
import type { Account } from '../utils/core/otp/account';
import type { ScanChoice } from '../utils/core/preview/scan-preview';
import { t } from '../utils/i18n/i18n';
import { sendMessage } from '../utils/messaging/message-client';
import { openOptions } from '../utils/popup/open-options';
import { useAccounts } from '../hooks/useAccounts';
import { useFill } from '../hooks/useFill';
import { readAsDataUrl, useScan } from '../hooks/useScan';
import { useToast } from '../hooks/useToast';
import { useTheme } from '../hooks/useTheme';
import { useVault } from '../hooks/useVault';
import { AccountForm } from './AccountForm';
import { accountName } from './AccountRow';
import { AccountsScreen } from './AccountsScreen';
import { CreateVault } from './CreateVault';
import { EditAccount } from './EditAccount';
import { ErrorMessage } from './ErrorMessage';
import { PasteUri } from './PasteUri';
import { ScanPanel } from './ScanPanel';
import { FillChooser } from './FillChooser';
import { FillConfirm } from './FillConfirm';
import { SettingsPanel } from './SettingsPanel';
import { Toast } from './Toast';
import { UnlockVault } from './UnlockVault';

/** `scan` with `start` (when it was asked): scan the page at once; without: show a scan that is already there. */
type View =
  | { name: 'list' }
  | { name: 'add' }
  | { name: 'scan'; start?: number }
  | { name: 'edit'; account: AccountView }
  | { name: 'settings' };

/** The popup: follows the vault's state (new, locked, unlocked) and, unlocked, its views. */
export function App() {
  const { status, failure, run, refresh } = useVault();
  const [view, setView] = useState<View>({ name: 'list' });
  const unlocked = status?.state === 'unlocked';
  useTheme(status?.settings.theme);
  return (
    <>
      <header>
        <img src="/icon/32.png" alt="" />
        <h1>Tessera</h1>
        {unlocked && (
          <nav class="actions" aria-label={t('vaultActions')}>
            <button
              type="button"
              aria-pressed={view.name === 'scan'}
              onClick={() => setView({ name: 'scan', start: Date.now() })}
            >
              {t('scanQr')}
            </button>
            <button
              type="button"
              aria-pressed={view.name === 'add'}
              onClick={() => setView(view.name === 'add' ? { name: 'list' } : { name: 'add' })}
            >
              {t('addAccount')}
            </button>
            <button
              type="button"
              aria-pressed={view.name === 'settings'}
              onClick={() => setView(view.name === 'settings' ? { name: 'list' } : { name: 'settings' })}
            >
              {t('settings')}
            </button>
            <button
              type="button"
              onClick={() => void run('vault.lock', undefined).then(() => setView({ name: 'list' }))}
            >
              {t('lockNow')}
            </button>
          </nav>
        )}
      </header>
      <main>
        <ErrorMessage message={failure} />
        {status?.state === 'new' && <CreateVault onCreate={(passphrase) => run('vault.create', { passphrase })} />}
        {status?.state === 'locked' && <UnlockVault onUnlock={(passphrase) => run('vault.unlock', { passphrase })} />}
        {unlocked && status.restored && (
          <p class="notice" role="status">
            {t('restoredNotice')}
          </p>
        )}
        {unlocked && view.name === 'settings' && (
          <SettingsPanel
            settings={status.settings}
            onSettings={(changes) => void run('settings.update', changes).then(refresh)}
            onChangePassphrase={(current, next) => run('vault.changePassphrase', { current, next })}
            onReset={(confirmation) => run('vault.reset', { confirmation }).then(() => setView({ name: 'list' }))}
            onImport={() => void openOptions()}
          />
        )}
        {unlocked && view.name !== 'settings' && (
          <Unlocked view={view} setView={setView} hideCodes={status.settings.hideCodes} />
        )}
      </main>
    </>
  );
}

function Unlocked({ view, setView, hideCodes }: { view: View; setView: (view: View) => void; hideCodes: boolean }) {
  const { accounts, fetchedAt, error, reload } = useAccounts();
  const { toast, show } = useToast();
  const scan = useScan();
  const { scanPage, resume } = scan;
  // Choosing "Scan QR code" scans at once: one click from the toolbar to the preview.
  // Each press scans again, also from the preview: the next code of a Google export, say.
  // A layout effect: the panel says "Looking…" in the same frame as the press, never showing the
  // previous preview as if it were this scan's.
  const start = view.name === 'scan' ? view.start : undefined;
  useLayoutEffect(() => {
    if (start !== undefined) void scanPage();
  }, [start, scanPage]);
  // A scan that finished while the popup was closed (region tool, shortcut, image menu), or one
  // asked for while locked, is shown as soon as the popup opens unlocked.
  useEffect(() => {
    void resume().then((resumed) => resumed && setView({ name: 'scan' }));
  }, [resume, setView]);
  const selectRegion = () =>
    void scan.selectRegion().then(
      () => window.close(),
      (error: Error) => show({ text: error.message }),
    );
  const scanImage = (file: Blob) =>
    void readAsDataUrl(file).then(scan.scanImage, (error: Error) => show({ text: error.message }));
  const confirmScan = async (choices: ScanChoice[], rememberSite: boolean) => {
    const { added, replaced } = await scan.confirm(choices, rememberSite);
    await back();
    show({ text: t('scanAdded', added + replaced) });
  };
  const back = async () => {
    await reload();
    setView({ name: 'list' });
  };
  const { fill, question, answer, choice, dismissChoice } = useFill({ accounts, show });
  const copy = async (account: AccountView) => {
    try {
      await navigator.clipboard.writeText(account.code);
      show({ text: t('copied', accountName(account)) });
      void sendMessage('clipboard.copied', { code: account.code });
    } catch {
      show({ text: t('copyFailed') });
    }
    await fill(account);
  };
  const remove = async (account: AccountView) => {
    const { undo } = await sendMessage('accounts.remove', { id: account.id });
    await back();
    show(
      {
        text: t('deleted', accountName(account)),
        onUndo: () =>
          void sendMessage('accounts.undoRemove', { undo })
            .then(reload)
            .then(() => show(undefined)),
      },
      10_000,
    );
  };
  return (
    <>
      {view.name === 'add' && (
        <>
          <PasteUri onAdd={(uri) => sendMessage('accounts.add', { uri }).then(back)} />
          <AccountForm
            onSave={(account) => sendMessage('accounts.add', { account: account as Account }).then(back)}
            onCancel={() => setView({ name: 'list' })}
          />
        </>
      )}
      {view.name === 'scan' && (
        <ScanPanel
          state={scan.state}
          onScanPage={() => void scanPage()}
          onSelectRegion={selectRegion}
          onImage={scanImage}
          onConfirm={confirmScan}
          onCancel={() => void scan.discard().then(() => setView({ name: 'list' }))}
        />
      )}
      {view.name === 'edit' && (
        <EditAccount
          account={view.account}
          onSave={(changes) => sendMessage('accounts.update', { id: view.account.id, changes }).then(back)}
          onPin={(pinned) =>
            void sendMessage('accounts.update', { id: view.account.id, changes: {}, pinned }).then(back)
          }
          onDelete={() => void remove(view.account)}
          onClose={() => setView({ name: 'list' })}
          loadUri={() => sendMessage('export.accountUri', { id: view.account.id })}
        />
      )}
      {question && <FillConfirm question={question} onAnswer={answer} />}
      {choice && !question && (
        <FillChooser choice={choice} onChoose={(account) => void copy(account)} onClose={dismissChoice} />
      )}
      {view.name === 'list' && (
        <AccountsScreen
          accounts={accounts}
          fetchedAt={fetchedAt}
          error={error}
          hideCodes={hideCodes}
          onCopy={(account) => void copy(account)}
          onNextHotp={(account) => void sendMessage('accounts.nextHotp', { id: account.id }).then(reload)}
          onEdit={(account) => setView({ name: 'edit', account })}
          onMove={(account, target) =>
            void sendMessage('accounts.move', { id: account.id, targetId: target.id }).then(reload)
          }
        />
      )}
      <Toast toast={toast} />
    </>
  );
}

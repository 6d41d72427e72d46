import { useState } from 'preact/hooks';
import { useAccounts } from '../hooks/useAccounts';
import { useVault } from '../hooks/useVault';
import { AccountList } from './AccountList';
import { CreateVault } from './CreateVault';
import { ErrorMessage } from './ErrorMessage';
import { SettingsPanel } from './SettingsPanel';
import { UnlockVault } from './UnlockVault';

/** The popup: follows the vault's state (new, locked, unlocked) and shows the matching view. */
export function App() {
  const { status, failure, run, refresh } = useVault();
  const [showSettings, setShowSettings] = useState(false);
  const unlocked = status?.state === 'unlocked';
  return (
    <>
      <header>
        <img src="/icon/32.png" alt="" />
        <h1>Tessera</h1>
        {unlocked && (
          <nav class="actions" aria-label="Vault">
            <button type="button" aria-pressed={showSettings} onClick={() => setShowSettings(!showSettings)}>
              Settings
            </button>
            <button type="button" onClick={() => void run('vault.lock', undefined).then(() => setShowSettings(false))}>
              Lock now
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
            The latest copy of your vault could not be read, so Tessera is using the copy from before your last change.
            Your next change will repair it.
          </p>
        )}
        {unlocked &&
          (showSettings ? (
            <SettingsPanel
              settings={status.settings}
              onSettings={(changes) => void run('settings.update', changes).then(refresh)}
              onChangePassphrase={(current, next) => run('vault.changePassphrase', { current, next })}
              onReset={(confirmation) => run('vault.reset', { confirmation }).then(() => setShowSettings(false))}
            />
          ) : (
            <Accounts />
          ))}
      </main>
    </>
  );
}

function Accounts() {
  const { accounts, error } = useAccounts();
  if (error) return <ErrorMessage message={error} />;
  return accounts ? <AccountList accounts={accounts} /> : null;
}

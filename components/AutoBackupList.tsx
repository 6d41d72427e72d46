import { useState } from 'preact/hooks';
import { useImport } from '../hooks/useImport';
import { useSubmit } from '../hooks/useSubmit';
import type { AutoBackupList as List } from '../utils/core/export/backup-status';
import type { ScanChoice } from '../utils/core/preview/scan-preview';
import { t } from '../utils/i18n/i18n';
import { messageLocale, plural } from '../utils/i18n/plural';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';
import { ScanPreview } from './ScanPreview';
import { Banner } from './ui/Banner';
import { Button } from './ui/Button';

/**
 * The options page's automatic backups, newest first, with when each was made and how many
 * accounts it holds; any of them restores through the import preview (its bytes are kept in
 * the worker: pages cannot read the downloads folder), under the vault's passphrase of then.
 */
export function AutoBackupList({ auto }: { auto: List | undefined }) {
  const importing = useImport();
  const [chosen, setChosen] = useState<string>();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string>();
  const { error, setError, busy, onSubmit } = useSubmit(async () => {
    setDone(undefined);
    await importing.restore(chosen!, password);
    setPassword('');
  });
  if (!auto || (!auto.on && auto.backups.length === 0)) return null;
  const confirm = async (nonce: string, choices: ScanChoice[]) => {
    const count = await importing.confirm(nonce, choices);
    setChosen(undefined);
    setDone(plural('importDone', count));
  };
  if (importing.preview)
    return (
      <ScanPreview
        preview={importing.preview}
        onConfirm={confirm}
        onCancel={() => void importing.discard().then(() => setChosen(undefined))}
      />
    );
  const when = (at: number) => new Date(at).toLocaleString(messageLocale());
  return (
    <section class="card auto-backups" aria-labelledby="auto-backups-title">
      <h2 id="auto-backups-title">{t('autoBackupsTitle')}</h2>
      <p class="hint">{t('autoBackupHint', auto.folder, auto.keep)}</p>
      {done && (
        <Banner tone="info" role="status">
          {done}
        </Banner>
      )}
      {auto.backups.length === 0 ? (
        <p class="hint">{t('autoBackupsNone')}</p>
      ) : (
        <ul class="auto-backup-list">
          {[...auto.backups].reverse().map((backup) => (
            <li key={backup.id} aria-current={backup.id === chosen ? 'true' : undefined}>
              <span>{plural('autoBackupItem', backup.accounts, when(backup.at), backup.accounts)}</span>
              <Button
                aria-label={t('autoBackupRestoreLabel', when(backup.at))}
                onClick={() => {
                  setChosen(backup.id);
                  setError(undefined);
                }}
              >
                {t('autoBackupRestore')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <form onSubmit={onSubmit} aria-label={t('autoBackupRead')}>
          <PassphraseField
            label={t('autoBackupPassphrase')}
            value={password}
            onInput={setPassword}
            autoComplete="current-password"
            autoFocus
          />
          <ErrorMessage message={error} />
          <div class="buttons">
            <button type="submit" class="primary" disabled={busy || password === ''}>
              {t('autoBackupRead')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

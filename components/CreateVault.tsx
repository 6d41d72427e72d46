import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../utils/core/passphrase-strength';
import { useSubmit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';

/** First run: choose the passphrase that protects the vault. */
export function CreateVault({ onCreate }: { onCreate: (passphrase: string) => Promise<unknown> }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const { error, setError, busy, onSubmit } = useSubmit(async () => {
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return setError(`Use at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    if (passphrase !== repeat) return setError('The two passphrases are not the same.');
    await onCreate(passphrase);
  });
  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby="create-title">
      <h2 id="create-title">Protect your codes</h2>
      <p class="muted">
        Choose a passphrase. Tessera encrypts your accounts with it and asks for it when it is locked. It cannot be
        recovered if you forget it.
      </p>
      <PassphraseField label="New passphrase" value={passphrase} onInput={setPassphrase} autoComplete="new-password" autoFocus hint={passphrase ? passphraseStrength(passphrase).hint : `At least ${MIN_PASSPHRASE_LENGTH} characters; a few words work well.`} />
      <PassphraseField label="Repeat passphrase" value={repeat} onInput={setRepeat} autoComplete="new-password" />
      <ErrorMessage message={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create vault'}
      </button>
    </form>
  );
}

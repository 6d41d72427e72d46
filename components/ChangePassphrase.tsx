import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../utils/core/passphrase-strength';
import { useSubmit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';
import { PassphraseField } from './PassphraseField';

/** Re-wraps the vault key under a new passphrase; asks for the current one first. */
export function ChangePassphrase({ onChange }: { onChange: (current: string, next: string) => Promise<unknown> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { error, setError, busy, onSubmit } = useSubmit(async () => {
    setDone(false);
    if ([...next].length < MIN_PASSPHRASE_LENGTH) return setError(`Use at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    if (next !== repeat) return setError('The two new passphrases are not the same.');
    await onChange(current, next);
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
  });
  return (
    <form onSubmit={onSubmit} aria-labelledby="change-title">
      <h3 id="change-title">Change passphrase</h3>
      <PassphraseField label="Current passphrase" value={current} onInput={setCurrent} autoComplete="current-password" />
      <PassphraseField label="New passphrase" value={next} onInput={setNext} autoComplete="new-password" hint={next ? passphraseStrength(next).hint : undefined} />
      <PassphraseField label="Repeat new passphrase" value={repeat} onInput={setRepeat} autoComplete="new-password" />
      <ErrorMessage message={error} />
      {done && <p role="status">Passphrase changed.</p>}
      <button type="submit" disabled={busy || current === ''}>
        {busy ? 'Changing…' : 'Change passphrase'}
      </button>
    </form>
  );
}

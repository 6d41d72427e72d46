import { useState } from 'preact/hooks';

/** Runs a form's action, keeping its error message and a busy flag for the button. */
export function useSubmit(action: () => Promise<unknown>) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, onSubmit };
}

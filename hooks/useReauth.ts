/**
 * Re-authentication before secrets leave (utils/vault/reauth.ts): when the worker answers
 * `reauth-required`, the form shows a passphrase field, and the next try sends what was typed as
 * `vaultPassphrase`. A wrong one comes back as at unlock.
 */
import { useCallback, useState } from 'preact/hooks';
import { MessageError } from '../utils/messaging/message-client';

export interface Reauth {
  /** The worker asked for the passphrase: show the field. */
  needed: boolean;
  passphrase: string;
  setPassphrase: (value: string) => void;
  /** Runs `send` with the typed passphrase, if any; on `reauth-required` shows the field and rethrows. */
  run: <T>(send: (proof: { vaultPassphrase?: string }) => Promise<T>) => Promise<T>;
}

export function useReauth(): Reauth {
  const [needed, setNeeded] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const run = useCallback(
    async <T>(send: (proof: { vaultPassphrase?: string }) => Promise<T>): Promise<T> => {
      try {
        const result = await send(passphrase ? { vaultPassphrase: passphrase } : {});
        setNeeded(false);
        return result;
      } catch (caught) {
        if (caught instanceof MessageError && caught.code === 'reauth-required') setNeeded(true);
        throw caught;
      } finally {
        setPassphrase('');
      }
    },
    [passphrase],
  );
  return { needed, passphrase, setPassphrase, run };
}

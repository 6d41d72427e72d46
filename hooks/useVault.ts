/**
 * The popup's view of the vault: its status from the background and the actions on it. Errors
 * come back as the background's own words, shown next to the form that caused them.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { onLocked, sendMessage } from '../utils/messaging/message-client';
import type { Messages, MessageType } from '../utils/core/messaging/messages';
import type { VaultStatus } from '../utils/core/vault/vault-status';
import { startup } from '../utils/popup/startup';

export interface VaultHandle {
  status: VaultStatus | undefined;
  /** Set when the status itself could not be read (e.g. a damaged vault). */
  failure: string | undefined;
  run: <K extends MessageType>(type: K, payload: Messages[K]['payload']) => Promise<Messages[K]['result']>;
  refresh: () => Promise<void>;
}

export function useVault(): VaultHandle {
  const [status, setStatus] = useState<VaultStatus>();
  const [failure, setFailure] = useState<string>();

  const refresh = useCallback(async () => {
    try {
      setStatus((await startup.take('status')) ?? (await sendMessage('vault.status')));
      setFailure(undefined);
    } catch (error) {
      setFailure((error as Error).message);
    }
  }, []);

  // A layout effect runs as soon as the popup renders; useEffect would wait for a paint first.
  useLayoutEffect(() => void refresh(), [refresh]);

  // Locked elsewhere (Lock now in another page, auto-lock): follow at once, so the unlocked screens
  // with their codes and QR codes go away.
  useEffect(() => onLocked(() => void refresh()), [refresh]);

  /** Sends a message; when it answers with a new status, the popup follows it. */
  const run = useCallback(async <K extends MessageType>(type: K, payload: Messages[K]['payload']) => {
    const result = await (sendMessage as (type: K, payload: unknown) => Promise<Messages[K]['result']>)(type, payload);
    if (result && typeof result === 'object' && 'state' in result) setStatus(result as VaultStatus);
    return result;
  }, []);

  return { status, failure, run, refresh };
}

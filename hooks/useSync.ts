/**
 * Settings' Sync group (issue 17): the worker's sync status, asked when the group shows (never on
 * the popup's opening path), and the actions on it. Each action answers with the new status.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../utils/core/sync/sync-status';
import { sendMessage } from '../utils/messaging/message-client';

export function useSync() {
  const [status, setStatus] = useState<SyncStatus>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => void sendMessage('sync.status').then(setStatus, (caught: Error) => setError(caught.message)), []);

  const act = useCallback(async (action: () => Promise<SyncStatus>) => {
    setBusy(true);
    setError(undefined);
    try {
      setStatus(await action());
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    status,
    error,
    busy,
    enable: () => act(() => sendMessage('sync.enable')),
    disable: (removeSynced: boolean) => act(() => sendMessage('sync.disable', { removeSynced })),
    syncNow: () => act(() => sendMessage('sync.now')),
  };
}

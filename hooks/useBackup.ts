/**
 * Backups from the options page and the popup's Settings: when the last one was made (and whether
 * to remind), making one, which the browser then downloads, and automatic backups on or off.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BackupStatus } from '../utils/core/export/backup-status';
import { downloadText } from '../utils/popup/download-text';
import { sendMessage } from '../utils/messaging/message-client';
import { releaseDownloadsPermission, requestDownloadsPermission } from '../utils/popup/downloads-permission';

export function useBackup() {
  const [status, setStatus] = useState<BackupStatus>();
  const refresh = useCallback(() => void sendMessage('backup.status').then(setStatus, () => undefined), []);
  useEffect(refresh, [refresh]);
  /**
   * Makes a backup (under `passphrase`, or the vault's when empty) and downloads it; `proof`: the
   * vault passphrase when the worker asked for it again (hooks/useReauth.ts).
   */
  const create = useCallback(
    async (passphrase: string, proof: { vaultPassphrase?: string } = {}) => {
      const backup = await sendMessage('backup.create', passphrase ? { passphrase, ...proof } : { ...proof });
      downloadText(backup.fileName, backup.text);
      refresh();
    },
    [refresh],
  );
  /**
   * Automatic backups on (asking for `downloads` in this click; resolves false when refused) or
   * off (giving it back).
   */
  const setAuto = useCallback(
    async (on: boolean): Promise<boolean> => {
      if (on && !(await requestDownloadsPermission())) return false;
      await sendMessage('backup.auto', { on });
      if (!on) await releaseDownloadsPermission();
      refresh();
      return true;
    },
    [refresh],
  );
  return { status, create, setAuto };
}

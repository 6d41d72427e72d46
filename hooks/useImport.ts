/**
 * The options page's import: sends an export (a file or pasted text) to the background, which
 * reads it into the pending preview; says when it needs the export's password; confirms or
 * discards like a scan.
 */
import { useCallback, useState } from 'preact/hooks';
import { toBase64, utf8 } from '../utils/core/internal/bytes';
import { MessageError, sendMessage } from '../utils/messaging/message-client';
import type { ScanChoice, ScanPreview } from '../utils/core/preview/scan-preview';
import { confirmPreview } from '../utils/popup/confirm-preview';
import { readAsDataUrl } from './useScan';

export function useImport() {
  const [preview, setPreview] = useState<ScanPreview>();
  const [needsPassword, setNeedsPassword] = useState(false);

  /** Reads the export; a missing or wrong password is thrown like any error, and asks for one from then on. */
  const read = useCallback(async ({ file, text, password }: { file?: File; text: string; password: string }) => {
    const data = file ? (await readAsDataUrl(file)).replace(/^data:[^,]*,/, '') : toBase64(utf8(text));
    try {
      setPreview(await sendMessage('import.file', { data, password }));
    } catch (caught) {
      if (caught instanceof MessageError && (caught.code === 'password-required' || caught.code === 'wrong-password'))
        setNeedsPassword(true);
      throw caught;
    }
  }, []);
  /** Reads one of the automatic backups the worker keeps (`password`: the vault's when it was made). */
  const restore = useCallback(async (id: string, password: string) => {
    setPreview(await sendMessage('backup.restore', { id, ...(password ? { password } : {}) }));
  }, []);
  const reset = useCallback(() => {
    setPreview(undefined);
    setNeedsPassword(false);
  }, []);
  /** Adds the chosen accounts; resolves how many. A preview changed meanwhile is shown again instead. */
  const confirm = useCallback(
    async (nonce: string, choices: ScanChoice[]) => {
      const { added, replaced } = await confirmPreview({ nonce, choices }, (current) =>
        current ? setPreview(current) : reset(),
      );
      reset();
      return added + replaced;
    },
    [reset],
  );
  const discard = useCallback(async () => {
    await sendMessage('preview.discard');
    reset();
  }, [reset]);

  return {
    preview,
    needsPassword,
    clearNeedsPassword: () => setNeedsPassword(false),
    read,
    restore,
    confirm,
    discard,
  };
}

/**
 * The popup's side of scanning: asks the background to scan the page or a picture, keeps what it
 * answered, and confirms or discards the accounts found. The background holds the accounts
 * themselves; the popup only ever sees the preview.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../utils/messaging/message-client';
import type { ScanOutcome } from '../utils/core/scan/scan-outcome';
import type { ScanChoice } from '../utils/core/preview/scan-preview';
import { confirmPreview } from '../utils/popup/confirm-preview';
import { targetTabId } from '../utils/popup/target-tab';

export type ScanState =
  | { step: 'idle' }
  | { step: 'scanning' }
  | { step: 'done'; outcome: ScanOutcome }
  | { step: 'failed'; message: string };

export function useScan() {
  const [state, setState] = useState<ScanState>({ step: 'idle' });
  /** Counts scans started here: an answer to an older request must not replace a newer one's. */
  const started = useRef(0);

  const run = useCallback(async (ask: () => Promise<ScanOutcome>) => {
    const mine = ++started.current;
    setState({ step: 'scanning' });
    try {
      const outcome = await ask();
      if (mine === started.current) setState({ step: 'done', outcome });
    } catch (error) {
      if (mine === started.current) setState({ step: 'failed', message: (error as Error).message });
    }
  }, []);

  const scanPage = useCallback(() => run(() => sendMessage('scan.page', { tabId: targetTabId() })), [run]);
  const scanImage = useCallback((dataUrl: string) => run(() => sendMessage('scan.image', { dataUrl })), [run]);
  /** Shows a scan the background finished or was asked for; resolves whether there was one. */
  const resume = useCallback(async () => {
    const before = started.current;
    try {
      const outcome = await sendMessage('scan.resume');
      // The user may have pressed "Scan QR code" meanwhile: that scan's answer wins.
      if (!outcome || before !== started.current) return false;
      setState({ step: 'done', outcome });
      return true;
    } catch {
      return false;
    }
  }, []);
  /** The region tool runs in the page; the popup closes so the user can drag, and is told by a badge. */
  const selectRegion = useCallback(() => sendMessage('scan.region', { tabId: targetTabId() }), []);
  /** Refused when the preview changed meanwhile: the new one is shown, the user's ticks kept by key. */
  const confirm = useCallback(
    (nonce: string, choices: ScanChoice[], remember: string[]) =>
      confirmPreview({ nonce, choices, remember }, (preview) =>
        setState((now) =>
          preview
            ? {
                step: 'done',
                outcome: {
                  status: 'found',
                  source: now.step === 'done' && now.outcome.status === 'found' ? now.outcome.source : 'page',
                  preview,
                },
              }
            : { step: 'idle' },
        ),
      ),
    [],
  );
  const discard = useCallback(async () => {
    await sendMessage('preview.discard');
    setState({ step: 'idle' });
  }, []);

  return { state, scanPage, scanImage, resume, selectRegion, confirm, discard };
}

/** Reads a picture the user chose or pasted as a data: URL for the background to decode. */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(new Error(reader.error?.message ?? 'The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

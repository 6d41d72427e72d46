/**
 * The popup's scan screen: "Scan QR code" scans at once, a scan that finished while the popup was
 * closed is shown when it opens, and confirming adds the accounts and goes back to the list.
 */
import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { ScanChoice } from '../utils/core/preview/scan-preview';
import { plural } from '../utils/i18n/plural';
import type { PopupView } from '../utils/popup/popup-view';
import type { ToastMessage } from '../components/Toast';
import { readAsDataUrl, useScan } from './useScan';

interface Options {
  view: PopupView;
  setView: (view: PopupView) => void;
  back: () => Promise<void>;
  show: (toast: ToastMessage | undefined) => void;
}

export function useScanView({ view, setView, back, show }: Options) {
  const scan = useScan();
  const { scanPage, resume } = scan;
  // Choosing "Scan QR code" scans at once: one click from the toolbar to the preview.
  // Each press scans again, also from the preview: the next code of a Google export, say.
  // A layout effect: the panel says "Looking…" in the same frame as the press, never showing the
  // previous preview as if it were this scan's.
  const start = view.name === 'scan' ? view.start : undefined;
  useLayoutEffect(() => {
    if (start !== undefined) void scanPage();
  }, [start, scanPage]);
  // A scan that finished while the popup was closed (region tool, shortcut, image menu), or one
  // asked for while locked, is shown as soon as the popup opens unlocked.
  useEffect(() => {
    void resume().then((resumed) => resumed && setView({ name: 'scan' }));
  }, [resume, setView]);
  const failed = (error: Error) => show({ text: error.message });
  return {
    state: scan.state,
    scanPage: () => void scanPage(),
    /** The region tool runs in the page: the popup closes so the user can drag over the code. */
    selectRegion: () => void scan.selectRegion().then(() => window.close(), failed),
    scanImage: (file: Blob) => void readAsDataUrl(file).then(scan.scanImage, failed),
    async confirm(nonce: string, choices: ScanChoice[], remember: string[]): Promise<void> {
      const { added, replaced } = await scan.confirm(nonce, choices, remember);
      await back();
      show({ text: plural('scanAdded', added + replaced) });
    },
    cancel: () => void scan.discard().then(() => setView({ name: 'list' })),
  };
}

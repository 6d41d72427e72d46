/**
 * Injected by the background when the user asks to select the QR code by hand; tells the
 * background the rectangle (or nothing, on Esc). The popup may have closed meanwhile: the
 * background finishes the scan on its own.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { t } from '../utils/i18n/i18n';
import { sendMessage } from '../utils/messaging/message-client';
import { selectRegion } from '../utils/scan/page/select-region';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    // Not awaited: executeScript returns at once, and the selection reports back when it is done.
    void selectRegion(document, t('scanRegionHint')).then((region) =>
      sendMessage('scan.regionSelected', { region: region ?? null }),
    );
  },
});

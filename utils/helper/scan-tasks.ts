/**
 * The helper's scan chunk: a picture decoded to pixels (createImageBitmap and an OffscreenCanvas,
 * which dedicated Workers have in Chrome and Firefox) and read by jsQR
 * (utils/core/scan/qr-decode.ts), loaded by the helper Worker on the first scan instead of on
 * every wake of the service worker (issue 19). The picture arrives as a data: URL, the texts
 * go back; the pixels never cross.
 */
import { findQrCodes } from '../core/scan/qr-decode';
import { regionArea } from '../core/scan/region-area';
import { dataUrlBlob, imagePixels } from '../scan/image-pixels';
import { defineChunk } from './define-chunk';

export default defineChunk('scan', {
  async qrCodes({ image, region, tiles, invert }) {
    const pixels = await imagePixels(dataUrlBlob(image));
    return findQrCodes(region ? regionArea(pixels, region) : pixels, { tiles, invert });
  },
});

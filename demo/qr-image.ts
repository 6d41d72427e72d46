/**
 * Draws QR codes for the demo site, as a real service does on its "enable 2FA" page: a PNG for
 * `<img>` and an SVG for inline markup. Encoding is uqr's; this only paints modules to pixels.
 */
import { PNG } from 'pngjs';
import { encode, renderSVG } from 'uqr';

/** ISO/IEC 18004 asks for a 4-module quiet zone around the symbol. */
const QUIET_ZONE = 4;

export interface QrPngOptions {
  /** Pixels per module [scale=6]. */
  scale?: number;
}

export function qrPng(text: string, { scale = 6 }: QrPngOptions = {}): Buffer {
  const { data, size } = encode(text, { ecc: 'M', border: QUIET_ZONE });
  const png = new PNG({ width: size * scale, height: size * scale, colorType: 0, inputHasAlpha: false });
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) {
      const dark = data[Math.floor(y / scale)]![Math.floor(x / scale)];
      const i = (y * size * scale + x) * 4;
      png.data.fill(dark ? 0 : 255, i, i + 3);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 0 });
}

export function qrSvg(text: string): string {
  return renderSVG(text, { ecc: 'M', border: QUIET_ZONE, pixelSize: 6 });
}

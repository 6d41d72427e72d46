/**
 * The scan chunk as the background calls it (tests/in-process-helper.ts: through JSON). Node has
 * no createImageBitmap: the decoding of the data: URL into pixels is stood in for here (the e2e
 * scan tests read real screenshots and files through it).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inProcessHelper } from '../../tests/in-process-helper';
import { blank, paintQr, qrSize } from '../../tests/qr-pixels';
import { ServiceError } from '../core/internal/service-error';
import type { Pixels } from '../core/scan/qr-decode';
import { imagePixels } from '../scan/image-pixels';

vi.mock('../scan/image-pixels', async (actual) => ({ ...(await actual<object>()), imagePixels: vi.fn() }));

const LEFT = 'otpauth://totp/Left:me?secret=JBSWY3DPEHPK3PXP&issuer=Left';
const RIGHT = 'otpauth://totp/Right:me?secret=GEZDGNBVGY3TQOJQ&issuer=Right';
const IMAGE = 'data:image/png;base64,iVBORw0KGgo=';

/** Two codes side by side on a 1000 x 400 picture (a screenshot at device pixel ratio 2 of a 500 px wide page). */
function twoCodes(): Pixels {
  const image = blank(1000, 400);
  paintQr(image, { text: LEFT, scale: 6, left: 20, top: 20 });
  return paintQr(image, { text: RIGHT, scale: 6, left: 1000 - 20 - qrSize({ text: RIGHT, scale: 6 }).pixels, top: 20 });
}

beforeEach(() => {
  vi.mocked(imagePixels).mockReset().mockResolvedValue(twoCodes());
});

describe('the qrCodes task', () => {
  it('reads every code of a picture in tiles, the one code of a region, and passes on the options', async () => {
    expect(new Set(await inProcessHelper.run('qrCodes', { image: IMAGE, tiles: true }))).toEqual(
      new Set([LEFT, RIGHT]),
    );
    // Without tiles jsQR sees two codes at once and reads none.
    expect(await inProcessHelper.run('qrCodes', { image: IMAGE })).toEqual([]);
    const region = { x: 250, y: 0, width: 250, height: 200, viewportWidth: 500 };
    expect(await inProcessHelper.run('qrCodes', { image: IMAGE, region, tiles: true })).toEqual([RIGHT]);
    // The data: URL's bytes reached the decoder as a Blob of its type.
    const blob = vi.mocked(imagePixels).mock.calls[0]![0];
    expect([blob.type, blob.size]).toEqual(['image/png', 8]);
  });

  it('reads light-on-dark codes unless told not to', async () => {
    const image = blank(200, 200, 0);
    vi.mocked(imagePixels).mockResolvedValue(paintQr(image, { text: LEFT, scale: 5, invert: true }));
    expect(await inProcessHelper.run('qrCodes', { image: IMAGE })).toEqual([LEFT]);
    expect(await inProcessHelper.run('qrCodes', { image: IMAGE, invert: false })).toEqual([]);
  });

  it('refuses what is not a data: URL, and a picture the browser cannot decode, as invalid input', async () => {
    const notPicture = inProcessHelper.run('qrCodes', { image: 'https://example.com/qr.png' });
    await expect(notPicture).rejects.toBeInstanceOf(ServiceError);
    await expect(notPicture).rejects.toMatchObject({ code: 'invalid-input', message: 'That is not a picture.' });
    vi.mocked(imagePixels).mockRejectedValue(
      new ServiceError('invalid-input', 'That file is not a picture Tessera can read.'),
    );
    await expect(inProcessHelper.run('qrCodes', { image: IMAGE })).rejects.toMatchObject({
      name: 'ServiceError',
      code: 'invalid-input',
    });
  });
});

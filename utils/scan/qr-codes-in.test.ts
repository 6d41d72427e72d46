import { describe, expect, it, vi } from 'vitest';
import type { HelperClient } from '../helper/helper-client';
import { qrCodesIn } from './qr-codes-in';

/** A helper that answers nothing and keeps what it was asked. */
function fakeHelper() {
  const run = vi.fn(async () => ['found']);
  return { helper: { run } as unknown as HelperClient, run };
}

describe('qrCodesIn', () => {
  it.each([
    ['a data: URL as it is', 'data:image/jpeg;base64,/9j/', 'data:image/jpeg;base64,/9j/'],
    [
      'a Blob as a data: URL of its bytes',
      new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
      'data:image/png;base64,AQID',
    ],
    [
      'a Blob without the Content-Type parameters',
      new Blob([new Uint8Array([1])], { type: 'image/png; q=1' }),
      'data:image/png;base64,AQ==',
    ],
    ['a Blob of no type', new Blob([new Uint8Array([1])]), 'data:;base64,AQ=='],
  ])('sends %s to the helper, with the options', async (_, picture, image) => {
    const { helper, run } = fakeHelper();
    expect(await qrCodesIn(helper, picture, { tiles: true })).toEqual(['found']);
    expect(run).toHaveBeenCalledWith('qrCodes', { image, tiles: true });
  });
});

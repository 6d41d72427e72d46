import { describe, expect, it } from 'vitest';
import { ImportError } from '../import/import-error';
import { concatBytes, fromBase64, toBase64 } from './bytes';

describe('base64', () => {
  it.each([
    [[], ''],
    [[0], 'AA=='],
    [[0xff, 0xfe, 0xfd], '//79'],
    [[104, 105], 'aGk='],
  ])('%j <-> %s', (bytes, text) => {
    expect(toBase64(new Uint8Array(bytes))).toBe(text);
    expect([...fromBase64(text)]).toEqual(bytes);
  });

  it('round-trips more than one chunk of 32 KiB', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it("throws the caller's error for text that is not base64, or atob's own without one", () => {
    expect(() => fromBase64('not base64!', () => new ImportError('malformed', 'damaged'))).toThrow(
      new ImportError('malformed', 'damaged'),
    );
    expect(() => fromBase64('not base64!')).toThrow();
    expect(() => fromBase64('not base64!')).not.toThrow(ImportError);
  });
});

describe('concatBytes', () => {
  it('joins in order', () => {
    expect([...concatBytes(new Uint8Array([1]), new Uint8Array(), new Uint8Array([2, 3]))]).toEqual([1, 2, 3]);
  });
});

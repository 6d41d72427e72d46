import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../tests/shared-fixtures';
import { findQrCodes } from './qr-decode';
import { readScannedCode, shorten } from './scanned-code';

describe('readScannedCode', () => {
  it.each([
    ['otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub', 'account'],
    ['  otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=3 ', 'account'],
    ['steam://JBSWY3DPEHPK3PXP', 'account'],
    [
      'otpauth-migration://offline?data=CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACjr4JKK%2B%2F%2F%2F%2F%2F8B',
      'migration',
    ],
    ['otpauth://totp/x?secret=not-base32!', 'invalid'],
    ['otpauth-migration://offline?data=XXXX', 'invalid'],
    ['https://example.com/welcome', 'other'],
    ['WIFI:S:home;T:WPA;P:hunter2;;', 'other'],
    ['', 'other'],
  ])('%s is %s', (text, kind) => {
    expect(readScannedCode(text).kind).toBe(kind);
  });

  it('says what is wrong with a broken account code without showing its secret', () => {
    expect(readScannedCode('otpauth://totp/Bank?secret=ABC1&issuer=Bank')).toEqual({
      kind: 'invalid',
      text: 'otpauth://totp/Bank?secret=…&issuer=Bank',
      reason: 'secret is not base32 (it contains "1")',
    });
    expect(readScannedCode('otpauth-migration://offline?data=XXXX')).toMatchObject({
      kind: 'invalid',
      text: 'otpauth-migration://offline?data=…',
    });
  });

  it('shows what an unrelated code holds, shortened', () => {
    expect(readScannedCode(`https://example.com/${'a'.repeat(100)}`)).toEqual({
      kind: 'other',
      text: `https://example.com/${'a'.repeat(39)}…`,
    });
  });
});

describe('shorten', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a bit too long', 8, 'a bit t…'],
    ['emoji 😀😀😀😀', 8, 'emoji 😀…'],
    ['new\nlines\tand  spaces', 40, 'new lines and spaces'],
  ])('%j to %i: %j', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
  });
});

describe('the negative Google Authenticator fixtures', () => {
  it('qr_but_without_otp.png holds a QR code that is not an authenticator code', () => {
    const png = PNG.sync.read(readFileSync(fixturePath('google-migration/qr_but_without_otp.png')));
    const texts = findQrCodes(
      { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height },
      { tiles: true },
    );
    expect(texts).toHaveLength(1);
    expect(readScannedCode(texts[0]!).kind).toBe('other');
  });
});

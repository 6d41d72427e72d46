import { describe, expect, it } from 'vitest';
import { fnv1a, MONOGRAM_PALETTE, monogramColour, monogramLetter } from './monogram';

/** WCAG 2.2 relative luminance of an sRGB colour "#rrggbb" (Understanding SC 1.4.3). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('MONOGRAM_PALETTE', () => {
  it.each(MONOGRAM_PALETTE.map((colour) => [colour]))('%s has AA contrast (4.5:1) with white text', (colour) => {
    expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
  });
  it('has no colour twice', () => {
    expect(new Set(MONOGRAM_PALETTE).size).toBe(MONOGRAM_PALETTE.length);
  });
});

describe('fnv1a', () => {
  // Known answers of FNV-1a 32-bit (the reference's test vectors).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j → %d', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });
});

describe('monogramColour', () => {
  it.each([
    ['GitHub', '', MONOGRAM_PALETTE[fnv1a('github') % 12]],
    ['github', '', MONOGRAM_PALETTE[fnv1a('github') % 12]],
    ['  GitHub ', '', MONOGRAM_PALETTE[fnv1a('github') % 12]],
    ['', 'alice@example.com', MONOGRAM_PALETTE[fnv1a('alice@example.com') % 12]],
    ['Google', 'alice', MONOGRAM_PALETTE[fnv1a('google') % 12]],
  ])('%j / %j', (issuer, label, colour) => {
    expect(monogramColour(issuer, label)).toBe(colour);
  });
  it('is stable across versions (fixed answers)', () => {
    expect([monogramColour('GitHub'), monogramColour('Google'), monogramColour('Steam')]).toEqual([
      '#a16207',
      '#0e7490',
      '#1d4ed8',
    ]);
  });
  it('spreads common issuers over several colours', () => {
    const issuers = ['GitHub', 'Google', 'Microsoft', 'Amazon', 'Dropbox', 'Steam', 'Discord', 'Slack', 'Proton'];
    expect(new Set(issuers.map((issuer) => monogramColour(issuer))).size).toBeGreaterThanOrEqual(5);
  });
});

describe('monogramLetter', () => {
  it.each([
    ['GitHub', 'alice', undefined, 'G'],
    ['github', '', undefined, 'G'],
    ['', 'alice@example.com', undefined, 'A'],
    ['  ', '  bob', undefined, 'B'],
    ['', '', undefined, '?'],
    ['ß-Bank', '', 'de', 'SS'],
    ['istanbul', '', 'tr', 'İ'],
    ['istanbul', '', 'en', 'I'],
    ['e\u0301tude', '', 'fr', 'E\u0301'],
    ['👩‍💻 Dev', '', undefined, '👩‍💻'],
    ['ящик', '', 'ru', 'Я'],
    ['楽天', '', 'ja', '楽'],
    ['𝔸lpha', '', undefined, '𝔸'],
    ['a\u0308bc', '', 'de', 'A\u0308'],
    ['1\uFE0F\u20E3 Bank', '', undefined, '1\uFE0F\u20E3'],
    ['🇩🇪 Bahn', '', undefined, '🇩🇪'],
    // Hangul written as conjoining jamo: one syllable of three code points.
    ['\u1112\u1161\u11AB', '', 'ko', '\u1112\u1161\u11AB'],
  ])('%j / %j (%s) → %j', (issuer, label, locale, letter) => {
    expect(monogramLetter(issuer, label, locale)).toBe(letter);
  });
  it('takes a lone letter without building an Intl.Segmenter (~30 ms on the first paint)', () => {
    const Real = Intl.Segmenter;
    let made = 0;
    const intl = Intl as { Segmenter: typeof Real };
    intl.Segmenter = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    };
    try {
      expect(monogramLetter('GitHub', '', 'en-GB')).toBe('G');
      expect(monogramLetter('', 'été', 'fr-CA')).toBe('É');
      expect(made).toBe(0);
      expect(monogramLetter('e\u0301t', '', 'fr-CA')).toBe('E\u0301');
      expect(made).toBe(1);
    } finally {
      intl.Segmenter = Real;
    }
  });
});

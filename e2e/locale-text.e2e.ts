/** Names of controls in each locale, as the screens test looks them up (no browser needed). */
import { describe, expect, it } from 'vitest';
import { pattern, screenLocales, shippedLocales, text, totalLength } from './locale-text';

describe('locale text', () => {
  it.each([
    ['en', 'lockNow', [], 'Lock now'],
    ['de', 'lockNow', [], 'Jetzt sperren'],
    ['en', 'editAccountFor', ['Bank: me'], 'Edit Bank: me'],
    ['en', 'fillAskTitle', ['http://127.0.0.1:8000'], 'Fill on http://127.0.0.1:8000?'],
  ])('%s %s(%j) is %j', (locale, key, subs, expected) => {
    expect(text(locale, key, ...subs)).toBe(expected);
  });

  it('matches a counted message in any of its forms, whatever the count', () => {
    const found = pattern('en', 'scanFound');
    expect(found.test(text('en', shippedKey('en', 'scanFound'), 12))).toBe(true);
    expect(found.test(`${text('en', shippedKey('en', 'scanFound'), 12)} and more`)).toBe(false);
    expect(pattern('en', 'copyCodePrefix', { prefix: true }).test(`${text('en', 'copyCodePrefix')} GitHub`)).toBe(true);
  });

  it('refuses a key no locale has', () => {
    expect(() => text('en', 'noSuchKey')).toThrow('No message noSuchKey');
  });

  it('checks English, German and the longest other locale', () => {
    const others = shippedLocales().filter((locale) => !['en', 'de'].includes(locale));
    const locales = screenLocales();
    expect(locales.slice(0, 2)).toEqual(['en', 'de']);
    if (others.length === 0) expect(locales).toEqual(['en', 'de']);
    else expect(Math.max(...others.map(totalLength))).toBe(totalLength(locales[2]!));
  });
});

/** The key a counted message has in this locale: `key` itself, or its `_other` form. */
function shippedKey(locale: string, key: string): string {
  try {
    text(locale, key);
    return key;
  } catch {
    return `${key}_other`;
  }
}

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { messageLocale, plural } from './plural';

type Messages = Record<string, { message: string }>;

/** browser.i18n over `messages`, as Chrome answers: `$1`… filled, "" for a missing key. */
function speak(messages: Messages): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) =>
    (messages[key]?.message ?? '').replace(
      /\$(\d)/g,
      (_, n: string) => [substitutions ?? []].flat()[Number(n) - 1] ?? '',
    ),
  );
}

/** A made-up Russian catalogue: the locale with one, few, many and other. */
const ru: Messages = {
  localeCode: { message: 'ru' },
  scanFound_one: { message: 'Найден $1 аккаунт' },
  scanFound_few: { message: 'Найдено $1 аккаунта' },
  scanFound_many: { message: 'Найдено $1 аккаунтов' },
  scanFound_other: { message: 'Найдено $1 аккаунта (дробное)' },
  // No scanAdd_few: the form falls back to _other.
  scanAdd_one: { message: 'one $1' },
  scanAdd_other: { message: 'other $1' },
};

describe('plural', () => {
  it.each([
    ['en', 'scanFound', 1, [], 'Found 1 account'],
    ['en', 'scanFound', 2, [], 'Found 2 accounts'],
    ['en', 'scanFound', 0, [], 'Found 0 accounts'],
    ['en', 'scanAdd', 1, [], 'Add 1 account'],
    ['en', 'scanAdd', 12, [], 'Add 12 accounts'],
    ['en', 'scanAdded', 1, [], 'Added 1 account'],
    ['en', 'importDone', 1, [], 'Imported 1 account. It is in the popup now.'],
    ['en', 'importDone', 4, [], 'Imported 4 accounts. They are in the popup now.'],
    ['en', 'scanSkippedPixels', 1, [], '1 picture skipped: larger than 16 megapixels.'],
    ['en', 'scanSkippedTime', 3, [], '3 pictures skipped: not loaded within 5 seconds.'],
    ['en', 'matchCount', 1234, [], '1,234 matching'],
    ['en', 'scanDigits', 8, [], '8 digits'],
    ['en', 'scanBatchProgress', 1, [1, 1], 'Google Authenticator export: 1 of 1 code scanned.'],
    ['en', 'scanBatchProgress', 3, [1, 3], 'Google Authenticator export: 1 of 3 codes scanned.'],
    ['de', 'scanFound', 1, [], '1 Konto gefunden'],
    ['de', 'scanFound', 5, [], '5 Konten gefunden'],
    ['de', 'importDone', 1, [], '1 Konto importiert. Sie finden es jetzt im Popup.'],
    ['de', 'matchCount', 1234, [], '1.234 Treffer'],
    ['de', 'scanBatchProgress', 2, [1, 2], 'Google-Authenticator-Export: 1 von 2 Codes gescannt.'],
    ['ru', 'scanFound', 1, [], 'Найден 1 аккаунт'],
    ['ru', 'scanFound', 21, [], 'Найден 21 аккаунт'],
    ['ru', 'scanFound', 3, [], 'Найдено 3 аккаунта'],
    ['ru', 'scanFound', 11, [], 'Найдено 11 аккаунтов'],
    ['ru', 'scanFound', 1.5, [], 'Найдено 1,5 аккаунта (дробное)'],
    ['ru', 'scanAdd', 3, [], 'other 3'],
  ] as const)('%s: %s for %d', (lang, key, n, subs, text) => {
    speak({ en, de, ru }[lang] as Messages);
    expect(plural(key, n, ...subs).startsWith(text)).toBe(true);
  });

  it('says English when localeCode is missing or not a language tag', () => {
    speak({ scanFound_one: { message: 'one' }, scanFound_other: { message: 'other' } });
    expect(messageLocale()).toBe('en');
    expect(plural('scanFound', 1)).toBe('one');
    speak({ localeCode: { message: 'not a tag!' }, scanFound_one: { message: 'one' } });
    expect(messageLocale()).toBe('en');
  });

  it('passes strings through untouched and writes numbers the locale way', () => {
    speak(de as Messages);
    expect(plural('scanBatchProgress', 1000, '9', 1000)).toMatch(/^Google-Authenticator-Export: 9 von 1\.000 Codes/);
  });
});

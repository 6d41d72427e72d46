import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import { formatDuration, formatSignedDuration } from './format-duration';

/** browser.i18n over the English messages, `$1`… filled as the browser does. */
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) =>
    (en as Record<string, { message: string }>)[key]!.message.replace(
      /\$(\d)/g,
      (_, n: string) => [substitutions ?? []].flat()[Number(n) - 1] ?? '',
    ),
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [42_000, '42 s'],
    [125_000, '2 min 5 s'],
    [300_400, '5 min'],
    [-299_600, '5 min'],
    [3_600_000, '1 h'],
    [3_723_000, '1 h 2 min 3 s'],
  ])('%i ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [42_000, '+42 s'],
    [-300_000, '−5 min'],
    [-400, '+0 s'],
  ])('%i ms signed reads "%s"', (ms, text) => {
    expect(formatSignedDuration(ms)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { looksLikePdf, restrictedReason } from './restricted-page';

describe('restrictedReason', () => {
  it.each([
    ['https://github.com/settings/security', undefined],
    ['http://127.0.0.1:8080/enable-2fa', undefined],
    ['file:///home/me/qr.html', undefined],
    ['chrome://settings/', 'chrome:'],
    ['about:blank', 'about:'],
    ['chrome-extension://abcdef/popup.html', 'chrome-extension:'],
    ['edge://extensions', 'edge:'],
    ['https://chromewebstore.google.com/detail/x/abc', 'extension store'],
    ['https://chrome.google.com/webstore/detail/abc', 'extension store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'extension store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'extension store'],
    ['https://chrome.google.com/search', undefined],
    [undefined, undefined],
    ['not a url', 'cannot read this page'],
  ])('%s', (url, expected) => {
    const reason = restrictedReason(url);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(expected);
  });
});

describe('looksLikePdf', () => {
  it.each([
    ['https://example.com/setup/QR.PDF', true],
    ['https://example.com/setup.pdf?x=1', true],
    ['https://example.com/pdf', false],
    [undefined, false],
    ['::', false],
  ])('%s: %s', (url, expected) => {
    expect(looksLikePdf(url)).toBe(expected);
  });
});

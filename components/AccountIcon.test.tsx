import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import { monogramColour } from '../utils/core/accounts/monogram';
import { ONE_PIXEL_PNG } from '../tests/icon-fixtures';
import { AccountIcon } from './AccountIcon';
import { TagList } from './TagList';

/** A page to render into, with the popup's origin (Chrome's `_favicon` lives under it). */
function page() {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('location', { origin: 'chrome-extension://tessera' });
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: keyof typeof en, values: string[] = []) =>
    en[key].message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '')) as never);
  return document.getElementById('root')! as unknown as Element;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('AccountIcon', () => {
  const github = { issuer: 'GitHub', label: 'alice', sites: ['https://github.com'] };
  it.each([
    ['icons off', github, false, undefined],
    [
      'icons on, bound: Chrome _favicon for the first binding',
      github,
      true,
      'chrome-extension://tessera/_favicon/?pageUrl=https%3A%2F%2Fgithub.com%2F&size=32',
    ],
    ['icons on, unbound', { issuer: 'Bank', label: 'bob' }, true, undefined],
    ['icons on, a captured icon', { ...github, icon: ONE_PIXEL_PNG }, true, ONE_PIXEL_PNG],
  ])('%s', (_name, account, showIcons, src) => {
    const root = page();
    act(() => render(<AccountIcon account={account} showIcons={showIcons} />, root));
    const monogram = root.querySelector('.monogram')!;
    expect(monogram.getAttribute('data-letter')).toBe(account.issuer[0]);
    expect(monogram.getAttribute('style')).toContain(monogramColour(account.issuer));
    expect(root.querySelector('.account-icon')!.getAttribute('aria-hidden')).toBe('true');
    expect(root.textContent).toBe(''); // nothing of it in the row's text or name
    const image = root.querySelector('img');
    expect(image?.getAttribute('src') ?? undefined).toBe(src);
    if (image) {
      expect(image.getAttribute('loading')).toBe('lazy');
      expect(image.getAttribute('decoding')).toBe('async');
      expect(image.getAttribute('alt')).toBe('');
    }
  });
});

describe('AccountIcon on the first paint', () => {
  it('shows the monogram alone until the frame with the codes has been painted', () => {
    const root = page();
    render(<AccountIcon account={{ issuer: 'GitHub', label: 'a', icon: ONE_PIXEL_PNG }} showIcons />, root);
    expect(root.querySelector('.monogram')).not.toBeNull();
    expect(root.querySelector('img')).toBeNull();
    render(null, root);
  });
});

describe('TagList', () => {
  it("shows each tag as a chip, hidden from the button's name, and says them in its description", () => {
    const root = page();
    render(<TagList id="tags-1" tags={['Work', 'Open source']} />, root);
    expect([...root.querySelectorAll('.tag')].map((tag) => tag.textContent)).toEqual(['Work', 'Open source']);
    expect(root.querySelector('.tag-list')!.getAttribute('aria-hidden')).toBe('true');
    expect(root.querySelector('#tags-1')!.textContent).toBe('Tags: Work, Open source');
    render(<TagList id="tags-2" tags={[]} />, root);
    expect(root.innerHTML).toBe('');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import { BoundSites } from './BoundSites';

/** browser.i18n with the English messages, `$1`-style placeholders filled. */
function english() {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: keyof typeof en, values: string[] = []) =>
    en[key].message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '')) as never);
}

describe('BoundSites (the Edit screen)', () => {
  it('tells a whole site (a legacy or chosen binding) from a single origin', () => {
    english();
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root')!;
    render(<BoundSites sites={['google.com', 'https://accounts.google.com']} />, root as unknown as Element);
    expect([...root.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'all of google.com',
      'https://accounts.google.com only',
    ]);
    render(<BoundSites />, root as unknown as Element);
    expect(root.textContent).toContain('No page yet: Tessera asks before every fill.');
  });
});

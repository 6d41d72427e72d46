import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { activeTabUrl } from './active-tab';

afterEach(() => vi.restoreAllMocks());

describe('activeTabUrl', () => {
  it.each([
    ['https://github.com/login', 'https://github.com/login'],
    ['http://127.0.0.1:8080/enable', 'http://127.0.0.1:8080/enable'],
    ['chrome://extensions/', undefined],
    ['chrome-extension://abc/popup.html', undefined],
    ['file:///home/me/qr.png', undefined],
    [undefined, undefined],
  ])('%s gives %s', async (url, expected) => {
    const query = vi
      .spyOn(browser.tabs, 'query')
      .mockImplementation((async () => [{ id: 1, url } as Browser.tabs.Tab]) as never);
    expect(await activeTabUrl()).toBe(expected);
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
  });

  it("asks for the side panel's window, not the last focused one, when it names it", async () => {
    const query = vi
      .spyOn(browser.tabs, 'query')
      .mockImplementation((async () => [{ id: 1, url: 'https://github.com/login' } as Browser.tabs.Tab]) as never);
    expect(await activeTabUrl(7)).toBe('https://github.com/login');
    expect(query).toHaveBeenCalledWith({ active: true, windowId: 7 });
  });

  it('gives no site when there is no tab or the query fails', async () => {
    vi.spyOn(browser.tabs, 'query')
      .mockImplementationOnce((async () => []) as never)
      .mockImplementationOnce((async () => Promise.reject(new Error('No window'))) as never);
    expect(await activeTabUrl()).toBeUndefined();
    expect(await activeTabUrl()).toBeUndefined();
  });
});

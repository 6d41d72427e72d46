import { describe, expect, it, vi } from 'vitest';
import { ONE_PIXEL_PNG } from '../../tests/icon-fixtures';
import { createIconCapture } from './capture-site-icon';

const ORIGIN = 'https://github.com';
const NORMALISED = `${ONE_PIXEL_PNG}#normalised`;

function capture({
  favIconUrl,
  url = `${ORIGIN}/login`,
  showIcons = true,
  page = null as string | null,
}: {
  favIconUrl?: string;
  url?: string;
  showIcons?: boolean;
  page?: string | null;
}) {
  const setIcon = vi.fn(async () => undefined);
  const readPage = vi.fn(async () => page);
  const normalise = vi.fn(async (blob: Blob) => (blob.size > 0 ? NORMALISED : undefined));
  const icons = createIconCapture({
    accounts: { setIcon },
    showIcons: async () => showIcons,
    getTab: async (tabId) => ({ id: tabId, url, favIconUrl }) as never,
    readPage,
    normalise,
  });
  return { run: () => icons.capture(7, 'account', ORIGIN), setIcon, readPage, normalise };
}

describe('createIconCapture', () => {
  it("keeps the tab's data: icon, normalised, for the page's origin", async () => {
    const { run, setIcon, readPage } = capture({ favIconUrl: ONE_PIXEL_PNG });
    await run();
    expect(readPage).not.toHaveBeenCalled();
    expect(setIcon).toHaveBeenCalledWith('account', { origin: ORIGIN, png: NORMALISED });
  });
  it('asks the page itself for an icon on its own origin', async () => {
    const { run, setIcon, readPage } = capture({ favIconUrl: `${ORIGIN}/favicon.ico`, page: ONE_PIXEL_PNG });
    await run();
    expect(readPage).toHaveBeenCalledWith(7, `${ORIGIN}/favicon.ico`);
    expect(setIcon).toHaveBeenCalledWith('account', { origin: ORIGIN, png: NORMALISED });
  });
  it.each([
    ['an icon on another origin (a CDN): never fetched', { favIconUrl: 'https://cdn.example/favicon.ico' }],
    ['no icon', {}],
    ['icons turned off', { favIconUrl: ONE_PIXEL_PNG, showIcons: false }],
    [
      'a tab that navigated to another origin since the fill',
      { favIconUrl: ONE_PIXEL_PNG, url: 'https://evil.example/' },
    ],
    ['a page that gives no picture', { favIconUrl: `${ORIGIN}/favicon.ico`, page: null }],
    ['a page that gives HTML', { favIconUrl: `${ORIGIN}/favicon.ico`, page: 'data:text/html;base64,PGgxPg==' }],
    ['an SVG icon', { favIconUrl: 'data:image/svg+xml;base64,PHN2Zy8+' }],
  ] as [string, Parameters<typeof capture>[0]][])('keeps nothing for %s', async (_name, options) => {
    const { run, setIcon, readPage } = capture(options);
    await run();
    expect(setIcon).not.toHaveBeenCalled();
    if (options.favIconUrl?.startsWith('https://cdn')) expect(readPage).not.toHaveBeenCalled();
  });
  it('never throws: a failed capture leaves the monogram', async () => {
    const icons = createIconCapture({
      accounts: { setIcon: () => Promise.reject(new Error('locked')) },
      showIcons: async () => true,
      getTab: async () => ({ url: `${ORIGIN}/`, favIconUrl: ONE_PIXEL_PNG }) as never,
      normalise: async () => ONE_PIXEL_PNG,
    });
    await expect(icons.capture(1, 'a', ORIGIN)).resolves.toBeUndefined();
  });
});

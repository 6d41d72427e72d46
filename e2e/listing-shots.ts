/**
 * The store listing's pictures (issue 18), taken from the real extension (the e2e build) on the
 * real demo site, as a user sees them: 1280×800 screenshots, light and dark, of the codes, a
 * scan of the demo's setup QR code, a fill of split one-digit boxes, the import preview and the
 * side panel; and the 440×280 promo tile. A toolbar popup cannot be photographed with the page
 * under it (tests cannot click the toolbar, and a screenshot shows one page), so the popup, aimed
 * at the demo tab as the toolbar would aim it, and the demo page are each photographed, then the
 * two pictures are set side by side on one 1280×800 page: the popup where it drops from the
 * toolbar, the side panel where the browser docks it. Nothing is drawn: every pixel is a
 * screenshot, apart from the popup's shadow and the panel's border. `npm run release:listing`
 * (scripts/listing.ts) runs it; e2e/listing.e2e.ts runs one scene as a smoke test.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import {
  createVault,
  launchTessera,
  openPopup,
  openPopupWindow,
  ROOT,
  sendFromPage,
  startDemoServer,
  tabIdOf,
} from './harness';
import { chromiumLang, pattern, text } from './locale-text';
import { BANK, STEAM } from './sample-accounts';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const SCENES = ['codes', 'scan', 'fill', 'import', 'side-panel'] as const;
export type Scene = (typeof SCENES)[number];

/** The stores' screenshot size (Chrome Web Store: 1280×800) and the popup's, Chrome's own width. */
export const SHOT = { width: 1280, height: 800 };
const POPUP = { width: 360, height: 600 };
const PANEL = { width: 360, height: SHOT.height };
/** The Chrome Web Store's small promo tile. */
export const TILE = { width: 440, height: 280 };

const totp = (issuer: string, label: string, secret: string): Account => ({
  type: 'totp',
  issuer,
  label,
  secret,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});

/** Accounts a person might keep; the secrets are made up. */
const ACCOUNTS: Account[] = [
  totp('GitHub', 'alice-dev', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
  totp('Google', 'alice@example.com', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'),
  totp('Microsoft', 'alice@example.com', 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK'),
  { ...STEAM, label: 'alice_plays' },
  totp('Dropbox', 'alice@example.com', 'ORSXG5DJNZTSA2LTEBQSA43FMNZGK5A'),
  totp('Amazon Web Services', 'alice@acme-corp', 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DT'),
  { ...BANK, label: 'alice' },
];

/** What the import preview reads: another app's export as a list of otpauth:// links, one already kept. */
const IMPORT_FILE = [
  'otpauth://totp/GitLab:alice?secret=NBSWY3DPO5XXE3DENBSWY3DP&issuer=GitLab',
  'otpauth://totp/Proton:alice%40example.com?secret=MZXW6YTBOI5GC3TBMZXW6YTB&issuer=Proton',
  'otpauth://totp/Cloudflare:alice%40example.com?secret=KNSWY3DTNF2GK4TFKNSWY3DT&issuer=Cloudflare',
  'otpauth://totp/Discord:alice%230001?secret=ONSWG4TFOQQGC3TEONSWG4TF&issuer=Discord',
  'otpauth://totp/Nextcloud:alice?secret=OBQXG43XN5ZGIMJSGM2DKNRX&issuer=Nextcloud&digits=8',
  'otpauth://totp/GitHub:alice-dev?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub',
].join('\n');

export interface ListingShotsOptions {
  /** The folder the pictures go to. */
  out: string;
  /** The language of Tessera's screens (a public/_locales folder name) [en]. */
  locale?: string;
  themes?: readonly Theme[];
  scenes?: readonly Scene[];
  /** Where to write the promo tile too (it needs the browser, not the extension). */
  tile?: string;
}

/** Waits two frames, so a resize or a theme change has been laid out and painted. */
const painted = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function setTheme(theme: Theme, ...pages: Page[]): Promise<void> {
  for (const page of pages) {
    await page.emulateMedia({ colorScheme: theme });
    await page.mouse.move(0, 0);
    await painted(page);
  }
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/**
 * The two screenshots on one 1280×800 page: the popup hanging from the top right, where the
 * toolbar opens it, with a shadow as browsers draw one; or the side panel docked at the right.
 */
function composition(page: Buffer, tessera: Buffer, kind: 'popup' | 'panel', theme: Theme): string {
  const edge = theme === 'dark' ? '#5f6368' : '#c4c7c5';
  const over =
    kind === 'popup'
      ? `position:absolute;top:0;right:24px;width:${POPUP.width}px;height:${POPUP.height}px;border-radius:0 0 8px 8px;` +
        `box-shadow:0 4px 8px rgba(0,0,0,.3),0 8px 32px rgba(0,0,0,.25);outline:1px solid ${edge}`
      : `position:absolute;top:0;right:0;width:${PANEL.width}px;height:${PANEL.height}px;border-left:1px solid ${edge}`;
  return `<!doctype html><html><body style="margin:0;width:${SHOT.width}px;height:${SHOT.height}px;overflow:hidden;position:relative">
<img alt="" src="${dataUrl(page)}" style="position:absolute;top:0;left:0">
<img alt="" src="${dataUrl(tessera)}" style="${over}">
</body></html>`;
}

/** Renders `html` at `size` on the compositor page into `file`. */
async function render(compositor: Page, html: string, size: { width: number; height: number }, file: string) {
  await compositor.setViewportSize(size);
  await compositor.setContent(html, { waitUntil: 'load' });
  await painted(compositor);
  await compositor.screenshot({ path: file });
}

/**
 * Takes the listing's screenshots in one language into `out` (`NAME-THEME.png`) and returns the
 * files written. Launches its own browser and demo server and closes them.
 */
export async function takeListingShots({
  out,
  locale = 'en',
  themes = THEMES,
  scenes = SCENES,
  tile,
}: ListingShotsOptions): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const say = (key: string, ...subs: (string | number)[]) => text(locale, key, ...subs);
  const copyButton = (page: Page, name: string) =>
    page.getByRole('button', { name: new RegExp(`^${say('copyCodePrefix')} ${name}`) });
  const [tessera, demo] = await Promise.all([
    launchTessera({ args: [`--lang=${chromiumLang(locale)}`] }),
    startDemoServer(),
  ]);
  const written: string[] = [];
  try {
    const setup = await openPopup(tessera);
    const [github] = await createVault(setup, { accounts: ACCOUNTS });
    const compositor = await tessera.context.newPage();

    /** A demo page in a tab, at the screenshot's size. */
    const demoPage = async (url: string) => {
      const page = await tessera.context.newPage();
      await page.setViewportSize(SHOT);
      await page.goto(url);
      return page;
    };
    /** The popup in a window of its own, aimed at `page`'s tab as the toolbar would aim it. */
    const popupOver = async (page: Page) => {
      const popup = await openPopupWindow(tessera, await tabIdOf(tessera, page.url()));
      await popup.setViewportSize(POPUP);
      return popup;
    };
    const shoot = async (name: string, theme: Theme, page: Page, over: Page, kind: 'popup' | 'panel') => {
      await setTheme(theme, page, over);
      const file = path.join(out, `${name}-${theme}.png`);
      await render(compositor, composition(await page.screenshot(), await over.screenshot(), kind, theme), SHOT, file);
      written.push(file);
    };

    const run: Record<Scene, () => Promise<void>> = {
      async codes() {
        const page = await demoPage(`${demo.url}/login`);
        const popup = await popupOver(page);
        await copyButton(popup, 'Bank').waitFor();
        for (const theme of themes) await shoot('1-codes', theme, page, popup, 'popup');
        await Promise.all([popup.close(), page.close()]);
      },
      async scan() {
        const page = await demoPage(`${demo.url}/enable-2fa`);
        const popup = await popupOver(page);
        await popup
          .getByRole('button', { name: say('scanQr'), exact: true })
          .first()
          .click();
        await popup.getByRole('heading', { name: pattern(locale, 'scanFound') }).waitFor();
        for (const theme of themes) await shoot('2-scan', theme, page, popup, 'popup');
        await sendFromPage(popup, 'preview.discard');
        await Promise.all([popup.close(), page.close()]);
      },
      async fill() {
        const page = await demoPage(`${demo.url}/test/fill/split6`);
        const tabId = await tabIdOf(tessera, page.url());
        // GitHub's account fills on the demo site without a question, as after a first "Remember".
        const bound = await sendFromPage(setup, 'fill.code', {
          id: github,
          tabId,
          confirmOrigin: demo.url,
          remember: 'origin',
        });
        if (!bound.ok) throw new Error(`fill.code failed: ${bound.error?.message}`);
        for (const theme of themes) {
          await page.reload();
          const popup = await popupOver(page);
          await setTheme(theme, popup);
          await copyButton(popup, 'GitHub').click();
          await popup
            .getByText(pattern(locale, 'filledHere'))
            .or(popup.getByText(pattern(locale, 'filled')))
            .waitFor();
          await shoot('3-fill', theme, page, popup, 'popup');
          await popup.close();
        }
        await page.close();
      },
      async import() {
        const options = await tessera.context.newPage();
        await options.setViewportSize(SHOT);
        await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
        await options.getByLabel(say('importFile')).setInputFiles({
          name: 'authenticator-export.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from(IMPORT_FILE),
        });
        await options.getByRole('button', { name: say('importRead') }).click();
        const found = options.getByRole('heading', { name: pattern(locale, 'scanFound') });
        await found.waitFor();
        // The preview from its heading down, with a margin above it.
        await found.evaluate((heading) => {
          heading.scrollIntoView({ block: 'start' });
          window.scrollBy(0, -32);
        });
        for (const theme of themes) {
          await setTheme(theme, options);
          const file = path.join(out, `4-import-${theme}.png`);
          await options.screenshot({ path: file });
          written.push(file);
        }
        await sendFromPage(options, 'preview.discard');
        await options.close();
      },
      async 'side-panel'() {
        // The panel serves a window of its own showing the demo's sign-in page, opened in a tab
        // of its own as in sidepanel.e2e.ts (a test cannot open the browser's side panel).
        const panel = await tessera.context.newPage();
        const opened = tessera.context.waitForEvent('page');
        type Windows = { chrome: { windows: { create(data: object): Promise<{ id: number }> } } };
        const window = await tessera.worker.evaluate(
          (url) => (globalThis as unknown as Windows).chrome.windows.create({ url, focused: true }),
          `${demo.url}/login`,
        );
        const page = await opened;
        await page.setViewportSize({ width: SHOT.width - PANEL.width, height: SHOT.height });
        await page.waitForLoadState();
        await panel.setViewportSize(PANEL);
        await panel.goto(`chrome-extension://${tessera.extensionId}/sidepanel.html?window=${window.id}`);
        await copyButton(panel, 'Bank').waitFor();
        for (const theme of themes) await shoot('5-side-panel', theme, page, panel, 'panel');
        await Promise.all([panel.close(), page.close()]);
      },
    };
    for (const scene of scenes) await run[scene]();
    if (tile) {
      await renderPromoTile(compositor, tile);
      written.push(tile);
    }
  } finally {
    await Promise.all([tessera.close(), demo.close()]);
  }
  return written;
}

/** The promo tile's one line, under the name (English: the stores show the tile in every language). */
export const TILE_LINE = 'Two-factor codes one click away, encrypted on your device.';

/**
 * The 440×280 promo tile: Tessera's icon (public/icon/128.png), its name and one line, in the
 * icon's own colours, rendered by the browser into `file`.
 */
async function renderPromoTile(page: Page, file: string): Promise<void> {
  const icon = readFileSync(path.join(ROOT, 'public/icon/128.png'));
  const html = `<!doctype html><html><body style="margin:0;width:${TILE.width}px;height:${TILE.height}px;box-sizing:border-box;
display:flex;align-items:center;gap:28px;padding:0 36px;background:#234f43;color:#f2e8cf;font-family:system-ui,sans-serif">
<img alt="" src="${dataUrl(icon)}" width="112" height="112" style="flex:none">
<div><div style="font-size:46px;font-weight:700;line-height:1.1">Tessera</div>
<div style="margin-top:12px;font-size:19px;line-height:1.35;color:#fff">${TILE_LINE}</div></div>
</body></html>`;
  await render(page, html, TILE, file);
}

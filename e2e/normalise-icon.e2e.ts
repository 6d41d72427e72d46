/**
 * The favicon normaliser (utils/accounts/normalise-icon.ts) with a real browser's decoders and
 * OffscreenCanvas, which Node lacks: the unit test fakes them. Bundled as the field corpus test
 * bundles its page half, and run in a blank Chromium page. Firefox runs the same code in its
 * background page; the formats below are ones both browsers decode.
 */
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChrome, NO_CHROME_MESSAGE } from '../scripts/find-chrome';
import { findFirefox } from '../scripts/find-firefox';
import { launchFirefox, type Firefox } from './firefox';
import { ONE_PIXEL_BASE64 } from '../tests/icon-fixtures';
import { FIREFOX_BUILD, ROOT } from './harness';

const ENTRY = `
import { normaliseIcon } from './utils/accounts/normalise-icon';
import { imageDataUrl } from './utils/core/accounts/icon-data-url';
import { smallPng } from './utils/core/accounts/site-icon';
globalThis.tesseraIcons = { normaliseIcon, imageDataUrl, smallPng };
`;

/** A 1×1 GIF (the classic transparent pixel). */
const GIF = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

/** An ICO file holding one PNG image, as browsers accept (ICONDIR + ICONDIRENTRY, then the PNG). */
function icoWithPng(png: Buffer): string {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(1, 6); // width 1
  header.writeUInt8(1, 7); // height 1
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([header, png]).toString('base64');
}

let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(NO_CHROME_MESSAGE);
  const bundled = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'normalise-icon-entry.ts' },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
  page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  bundle = bundled.outputFiles[0]!.text;
  await page.addScriptTag({ content: bundle });
});

afterAll(async () => {
  await browser?.close();
});

interface Result {
  png: string | null;
  width?: number;
  height?: number;
  bytes?: number;
}

/** Normalises a picture given as a data URL, or drawn here (`draw`: width, height, noise). */
function normalise(input: { dataUrl?: string; draw?: [number, number, boolean] }): Promise<Result> {
  return page.evaluate(async ({ dataUrl, draw }) => {
    type Api = {
      normaliseIcon(blob: Blob): Promise<string | undefined>;
      imageDataUrl(url: string): { type: string; bytes: Uint8Array<ArrayBuffer> } | undefined;
    };
    const api = (globalThis as unknown as { tesseraIcons: Api }).tesseraIcons;
    let blob: Blob;
    if (draw) {
      const [width, height, noise] = draw;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      const pixels = context.createImageData(width, height);
      for (let i = 0; i < pixels.data.length; i++)
        pixels.data[i] = noise ? (Math.random() * 256) | 0 : i % 4 === 3 ? 255 : 90;
      context.putImageData(pixels, 0, 0);
      blob = await canvas.convertToBlob({ type: 'image/png' });
    } else {
      const image = api.imageDataUrl(dataUrl!);
      if (!image) return { png: null };
      blob = new Blob([image.bytes], { type: image.type });
    }
    const png = await api.normaliseIcon(blob);
    if (!png) return { png: null };
    const bitmap = await createImageBitmap(await (await fetch(png)).blob());
    return { png, width: bitmap.width, height: bitmap.height, bytes: atob(png.split(',')[1]!).length };
  }, input);
}

describe('normaliseIcon in Chromium', () => {
  it.each([
    ['a 1×1 PNG', `data:image/png;base64,${ONE_PIXEL_BASE64}`],
    ['a 1×1 GIF', `data:image/gif;base64,${GIF}`],
    ['an ICO holding a PNG', `data:image/x-icon;base64,${icoWithPng(Buffer.from(ONE_PIXEL_BASE64, 'base64'))}`],
  ])('re-encodes %s as a 32×32 PNG of at most 4 KB', async (_name, dataUrl) => {
    const result = await normalise({ dataUrl });
    expect(result).toMatchObject({ width: 32, height: 32 });
    expect(result.png).toMatch(/^data:image\/png;base64,/);
    expect(result.bytes).toBeLessThanOrEqual(4096);
  });

  it('draws a 64×64 picture at 32 px', async () => {
    await expect(normalise({ draw: [64, 64, false] })).resolves.toMatchObject({ width: 32, height: 32 });
  });

  it('falls back to 16 px when 32 px of noise does not fit in 4 KB', async () => {
    const result = await normalise({ draw: [32, 32, true] });
    expect(result).toMatchObject({ width: 16, height: 16 });
    expect(result.bytes).toBeLessThanOrEqual(4096);
  });

  it.each([
    ['HTML called a PNG', `data:image/png;base64,${Buffer.from('<h1>hi</h1>').toString('base64')}`],
    ['a truncated PNG', `data:image/png;base64,${ONE_PIXEL_BASE64.slice(0, 40)}`],
  ])('refuses %s', async (_name, dataUrl) => {
    await expect(normalise({ dataUrl })).resolves.toEqual({ png: null });
  });

  it('refuses a picture too large to be a favicon', async () => {
    await expect(normalise({ draw: [2000, 8, false] })).resolves.toEqual({ png: null });
  });
});

const firefoxExecutable = findFirefox();

describe.skipIf(!firefoxExecutable)(
  'normaliseIcon in Firefox (an extension page, with the decoders its background page has)',
  () => {
    let firefox: Firefox;
    let context: string;
    beforeAll(async () => {
      firefox = await launchFirefox(firefoxExecutable!, FIREFOX_BUILD);
      context = await firefox.openExtensionPage('popup.html');
    }, 60_000);
    afterAll(() => firefox?.close());

    const run = (dataUrl: string) =>
      firefox.evaluate<Result>(
        context,
        `${bundle}
       const api = globalThis.tesseraIcons;
       const image = api.imageDataUrl(${JSON.stringify(dataUrl)});
       if (!image) return { png: null };
       const png = await api.normaliseIcon(new Blob([image.bytes], { type: image.type }));
       if (!png) return { png: null };
       const bitmap = await createImageBitmap(await (await fetch(png)).blob());
       return { png, width: bitmap.width, height: bitmap.height, bytes: atob(png.split(',')[1]).length };`,
      );

    it.each([
      ['a 1×1 PNG', `data:image/png;base64,${ONE_PIXEL_BASE64}`],
      ['a 1×1 GIF', `data:image/gif;base64,${GIF}`],
      ['an ICO holding a PNG', `data:image/x-icon;base64,${icoWithPng(Buffer.from(ONE_PIXEL_BASE64, 'base64'))}`],
    ])('re-encodes %s as a 32×32 PNG of at most 4 KB', async (_name, dataUrl) => {
      const result = await run(dataUrl);
      expect(result).toMatchObject({ width: 32, height: 32 });
      expect(result.bytes).toBeLessThanOrEqual(4096);
    });

    it('refuses HTML called a PNG', async () => {
      await expect(run(`data:image/png;base64,${Buffer.from('<h1>hi</h1>').toString('base64')}`)).resolves.toEqual({
        png: null,
      });
    });
  },
);

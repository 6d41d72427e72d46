/**
 * A picture from another site that is too large to decode safely (issue 15, "Fetched pictures are
 * bounded"): a page at http://localhost shows a 5000 x 5000 PNG (25 megapixels, 43 KB of white)
 * from http://127.0.0.1, which the page cannot read (another origin), so the worker fetches it.
 * Its header says 25 megapixels, over the 16 allowed: the scan skips it without decoding, finishes,
 * and the popup says so.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithVault, openPopupWindow, tabIdOf, type Tessera } from './harness';

const SIDE = 5000;

/** One PNG chunk: length, type, data, CRC-32 of type and data (PNG spec, section 5.3). */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A white SIDE x SIDE PNG, 1-bit grayscale: tiny on the wire, 100 MB once decoded to RGBA. */
function whitePng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIDE, 0);
  header.writeUInt32BE(SIDE, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, filter 0, no interlace
  const row = Buffer.concat([Buffer.of(0), Buffer.alloc(Math.ceil(SIDE / 8), 0xff)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: SIDE }, () => row)), { level: 9 });
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let tessera: Tessera;
let server: Server;
let port: number;
const fetched: string[] = [];

beforeAll(async () => {
  const png = whitePng();
  server = createServer((request, response) => {
    if (request.url === '/huge.png') {
      const dest = request.headers['sec-fetch-dest'];
      fetched.push(`${dest === 'image' ? 'page' : 'worker'} cookie=${request.headers.cookie ?? 'none'}`);
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
      return response.end(png);
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<!doctype html><title>Huge picture</title><h1>Set up two-factor authentication</h1>` +
        `<img src="http://127.0.0.1:${port}/huge.png" width="300" height="300" alt="QR code">`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  ({ tessera } = await launchWithVault());
  // A cookie the picture's site set: the worker's fetch must not send it.
  await tessera.context.addCookies([{ name: 'session', value: 'secret', domain: '127.0.0.1', path: '/' }]);
});
afterAll(async () => {
  await tessera?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a picture from another site over 16 megapixels', () => {
  it('is skipped without decoding, and the scan says so', async () => {
    const page = await tessera.context.newPage();
    await page.goto(`http://localhost:${port}/enrol`);
    await page.waitForFunction(() => document.images[0]?.complete && document.images[0].naturalWidth > 0);
    const popup = await openPopupWindow(tessera, await tabIdOf(tessera, page.url()));
    const started = Date.now();
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    await popup.getByText('1 picture skipped: larger than 16 megapixels.').waitFor({ timeout: 10_000 });
    const elapsed = Date.now() - started;
    console.log(`scan with a 25-megapixel picture from another site finished in ${elapsed} ms`);
    await popup.getByRole('alert').getByText('No QR code was found on this page', { exact: false }).waitFor();
    // The worker fetched it (the page could not read it), from the other origin, without cookies.
    expect(fetched.filter((line) => line.startsWith('worker'))).toEqual(['worker cookie=none']);
    expect(elapsed).toBeLessThan(10_000);
    await Promise.all([page.close(), popup.close()]);
  });
});

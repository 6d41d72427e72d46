/**
 * A page that navigates itself while it is scanned (issue 15): the code read must not be bound to
 * the origin the tab had before. The page at http://localhost shows a QR code from
 * http://127.0.0.1, which it cannot read (another origin), so the worker fetches it; the server
 * holds that fetch until the tab has moved to another origin (http://127.0.0.1/elsewhere), then
 * answers. The code is found, but carries no origin: the preview names no site for it and offers
 * nothing to remember, and adding it binds it to no site (a fill back on the first page asks).
 */
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../demo/qr-image';
import { SCAN_URIS } from '../demo/scan-pages';
import { launchWithVault, openPopupWindow, sendFromPage, tabIdOf, type Tessera } from './harness';

let tessera: Tessera;
let server: Server;
let port: number;
/** The worker's fetch of the picture, held until the test lets it go. */
let held: (response: ServerResponse) => void;
const workerFetch = new Promise<ServerResponse>((resolve) => (held = resolve));

beforeAll(async () => {
  const png = qrPng(SCAN_URIS.github);
  server = createServer((request, response) => {
    if (request.url === '/qr.png') {
      if (request.headers['sec-fetch-dest'] === 'image') {
        response.writeHead(200, { 'content-type': 'image/png' });
        return response.end(png);
      }
      return held(response);
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<!doctype html><title>Enrol</title><h1>Set up two-factor authentication</h1>` +
        `<img src="http://127.0.0.1:${port}/qr.png" width="300" height="300" alt="QR code">` +
        `<label>Code <input autocomplete="one-time-code"></label>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  ({ tessera } = await launchWithVault());
});
afterAll(async () => {
  await tessera?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a page that navigates to another origin during the scan', () => {
  it('gives the code it showed no origin, so nothing is remembered for either site', async () => {
    const page = await tessera.context.newPage();
    await page.goto(`http://localhost:${port}/enrol`);
    await page.waitForFunction(() => document.images[0]?.complete && document.images[0].naturalWidth > 0);
    const popup = await openPopupWindow(tessera, await tabIdOf(tessera, page.url()));
    await popup.getByRole('button', { name: 'Scan QR code' }).click();
    const response = await workerFetch;
    await page.goto(`http://127.0.0.1:${port}/elsewhere`);
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end(qrPng(SCAN_URIS.github));
    await popup.getByRole('heading', { name: 'Found 1 account' }).waitFor();
    expect(await popup.getByText('found on').count()).toBe(0);
    expect(await popup.getByRole('checkbox', { name: /^Remember/ }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Add 1 account' }).click();
    await popup.getByRole('searchbox', { name: 'Search accounts' }).waitFor();
    // Back on the first page, a fill asks first: the account is bound to no site.
    const list = (await sendFromPage(popup, 'accounts.list')).value as { id: string; issuer: string }[];
    expect(list.map(({ issuer }) => issuer)).toEqual(['GitHub']);
    await page.goto(`http://localhost:${port}/enrol`);
    const tabId = await tabIdOf(tessera, page.url());
    const reply = await sendFromPage(popup, 'fill.code', { id: list[0]!.id, tabId });
    expect(reply.value).toMatchObject({ filled: false, reason: 'confirm-site', bound: [] });
  });
});

/**
 * The clock check end to end: the demo site runs its clock 5 min ahead (its `Date` header and its
 * code checks both). A fill there starts the check; the popup warns with the offset; "Use
 * corrected time" puts the correction in Settings and the next fill gives a code the demo
 * accepts; Reset brings this computer's clock back, and the demo refuses its code again. And the
 * page's HEAD request itself: it follows a redirect on the site, and sends nothing to another.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { headDate } from '../utils/clock/page/head-date';
import { axeViolations } from './axe';
import {
  launchWithVault,
  openPopupWindow,
  ROOT,
  sendFromPage,
  startDemoServer,
  tabIdOf,
  type DemoServer,
  type Tessera,
} from './harness';

const SKEW_MS = 300_000;
const ARTIFACTS = path.join(ROOT, 'test-results');
/** The measured offset is within a second of the skew: it reads as 5 min, or a second either side. */
const FIVE_MIN = '(?:4 min 59 s|5 min|5 min 1 s)';

let tessera: Tessera;
let setup: Page;
let demo: DemoServer;

beforeAll(async () => {
  let launched: Awaited<ReturnType<typeof launchWithVault>>;
  [launched, demo] = await Promise.all([launchWithVault(), startDemoServer({ clockSkewMs: SKEW_MS })]);
  ({ tessera, popup: setup } = launched);
});
afterAll(async () => {
  await Promise.all([tessera?.close(), demo?.close()]);
});

/** Fills the account's code into the tab as a user who agreed to fill on the demo site. */
async function fill(id: string, page: Page): Promise<void> {
  const reply = await sendFromPage(setup, 'fill.code', {
    id,
    tabId: await tabIdOf(tessera, page.url()),
    confirmOrigin: new URL(page.url()).origin,
  });
  expect(reply.value).toMatchObject({ filled: true });
}

it('warns about a clock 5 min slow, corrects codes on request, and resets', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const page = await tessera.context.newPage();
  await page.goto(`${demo.url}/enable-2fa`);
  const uri = await page.locator('#otpauth-uri').textContent();
  const added = await sendFromPage(setup, 'accounts.add', { uri });
  const { id } = added.value as { id: string };

  // This computer's time gives a code 5 min behind the demo's: refused.
  await fill(id, page);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText('Wrong code', { exact: false }).waitFor();

  const popup = await openPopupWindow(tessera, await tabIdOf(tessera, page.url()));
  await popup.setViewportSize({ width: 360, height: 600 });
  const host = new URL(demo.url).host;
  const banner = popup.getByRole('status').filter({
    hasText: new RegExp(`^Your computer's clock is ${FIVE_MIN} slow compared with ${host.replaceAll('.', '\\.')}\\.`),
  });
  await banner.waitFor();
  expect(await banner.textContent()).toContain('Codes may be refused.');
  expect(await axeViolations(popup)).toEqual([]);
  await popup.screenshot({ path: path.join(ARTIFACTS, 'clock-banner.png') });

  await banner.getByRole('button', { name: 'Use corrected time' }).click();
  await popup.getByText('Codes now use the corrected time.').waitFor();
  await banner.waitFor({ state: 'detached' });

  await popup.getByRole('button', { name: 'Settings' }).click();
  const correction = popup.getByText(new RegExp(`^Clock correction: \\+${FIVE_MIN}$`));
  await correction.waitFor();
  expect(await axeViolations(popup)).toEqual([]);
  // The header's buttons are wider than 360 px in this font: clicking Settings scrolled the page.
  await popup.evaluate(() => window.scrollTo(0, 0));
  await popup.screenshot({ path: path.join(ARTIFACTS, 'clock-setting.png') });

  // Now the code is for the demo's time: accepted.
  await fill(id, page);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'Two-factor authentication is on' }).waitFor();

  // Reset: codes follow this computer's clock again, which the demo refuses.
  await popup.getByRole('button', { name: 'Reset the clock correction' }).click();
  await popup.getByText('Clock correction: none').waitFor();
  await page.goto(`${demo.url}/login`);
  await fill(id, page);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByText('Wrong code').waitFor();

  // Without the correction the warning is back on the list, until dismissed.
  await popup.getByRole('button', { name: 'Settings' }).click();
  await banner.waitFor();
  await banner.getByRole('button', { name: 'Dismiss the clock warning' }).click();
  await banner.waitFor({ state: 'detached' });
  await popup.reload();
  await popup.getByRole('button', { name: 'Lock now' }).waitFor();
  expect(await popup.getByText("Your computer's clock is", { exact: false }).count()).toBe(0);
});

/**
 * A server on 127.0.0.1 that answers with `handle`, recording the HEAD requests
 * it gets (the browser's own favicon GET may arrive at any moment) and whether
 * each one carried a cookie.
 */
async function tinyServer(handle: Parameters<typeof createServer>[1]) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.method === 'HEAD') requests.push(`HEAD ${req.url}${req.headers.cookie ? ' with cookie' : ''}`);
    handle!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, requests, close };
}

it("the page's HEAD request reads Date through same-origin redirects, and never follows one elsewhere", async () => {
  const elsewhere = await tinyServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end());
  let redirect = '/home';
  const site = await tinyServer((req, res) => {
    if (req.url === '/') return res.writeHead(302, { Location: redirect }).end();
    // The page sets a cookie; the clock check's request must not send it back.
    res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'session=secret; Path=/' }).end('<p>page</p>');
  });
  const page = await tessera.context.newPage();
  try {
    await page.goto(`${site.url}/page`);
    expect(await page.evaluate(() => document.cookie)).toBe('session=secret');
    const same = await page.evaluate(headDate, 5000);
    expect(same).toMatchObject({ origin: site.url, age: null });
    expect(Date.parse(same!.date!)).toBeGreaterThan(Date.now() - 60_000);
    expect(site.requests).toEqual(['HEAD /', 'HEAD /home']);

    redirect = `${elsewhere.url}/`;
    expect(await page.evaluate(headDate, 5000)).toBeNull();
    expect(elsewhere.requests).toEqual([]);
  } finally {
    await Promise.all([page.close(), site.close(), elsewhere.close()]);
  }
});

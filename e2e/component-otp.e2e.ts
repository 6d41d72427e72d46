/**
 * The OTP inputs of common component libraries (e2e/component-otp/README.md), built from their
 * own packages and rendered for real in Chromium: Tessera fills each through the path a click in
 * the popup takes (`fill.code` for an account bound to the site), and the code must reach the
 * framework's own state (what the component's onChange / v-model gave the app, shown in
 * `<output data-state>`), not only the inputs' values.
 */
import { createServer, type Server } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import { validCodes } from '../tests/valid-codes';
import { buildComponentPages, COMPONENT_PAGES, type ComponentPage } from './component-otp/build-pages';
import { launchWithVault, ROOT, sendFromPage, tabIdOf, type Tessera } from './harness';

const ACCOUNT: Account = {
  type: 'totp',
  issuer: 'Example',
  label: 'alice@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};
/** Every page is on one real-looking site; Chromium resolves it to the local server. */
const SITE = 'example.com';
const HOST = `accounts.${SITE}`;

/**
 * Pages Tessera fails today, with why (facts in e2e/component-otp/README.md): the lead engineer's
 * rewrite of split-box grouping (issue 14) is to make them pass. Their test names start with
 * "KNOWN FAILING" and the reason, so a run shows them at a glance; drop an entry once it passes.
 */
const KNOWN_FAILING: Record<string, string> = {};

const BUILD = path.join(ROOT, 'test-results/component-otp');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** The page a user once filled a code on and told Tessera to remember the site for this account. */
const BIND_PAGE = `<!doctype html><html lang="en"><title>Sign in</title><h1>Two-factor authentication</h1>
<form><label>Authentication code <input name="otp" autocomplete="one-time-code" inputmode="numeric"></label>
<button>Verify</button></form></html>`;

/** Serves the built pages from BUILD: `/<name>/` is a page's index.html. */
function serveBuild(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (url.pathname === '/bind/') return res.writeHead(200, { 'content-type': 'text/html' }).end(BIND_PAGE);
    const file = path.join(
      BUILD,
      path.normalize(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname),
    );
    if (!file.startsWith(BUILD + path.sep)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let tessera: Tessera;
let setup: Page;
let server: Server;
let origin: string;
let id: string;

beforeAll(async () => {
  await rm(BUILD, { recursive: true, force: true });
  const [launched, started] = await Promise.all([
    launchWithVault({ accounts: [ACCOUNT], args: [`--host-resolver-rules=MAP *.${SITE} 127.0.0.1`] }),
    serveBuild(),
    buildComponentPages(BUILD),
  ]);
  server = started;
  ({ tessera, popup: setup } = launched);
  id = launched.ids[0]!;
  origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  // Bind the account to the site the way a user does: the first fill asks, they tick "Remember" (this origin).
  const page = await tessera.context.newPage();
  await page.goto(`${origin}/bind/`);
  const bound = await sendFromPage(setup, 'fill.code', {
    id,
    tabId: await tabIdOf(tessera, page.url()),
    confirmOrigin: origin,
    remember: 'origin',
  });
  expect(bound.value).toMatchObject({ filled: true, site: SITE });
  await page.close();
});
afterAll(async () => {
  await Promise.all([tessera?.close(), new Promise((resolve) => (server ? server.close(resolve) : resolve(null)))]);
});

/** The code the app holds in its framework state (the component's onChange / v-model). */
const frameworkState = (page: Page) => page.locator('output[data-state]').getAttribute('data-state');

/** What the visible inputs show, left to right, joined. */
const shownInDom = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('input')]
      .filter(
        (input) =>
          input.type !== 'hidden' &&
          !input.hidden &&
          input.getBoundingClientRect().width > 2 &&
          input.getBoundingClientRect().height > 2,
      )
      .map((input) => input.value)
      .join(''),
  );

/** The framework's state and what the inputs show, read together. */
const readBack = async (page: Page) => ({ state: await frameworkState(page), dom: await shownInDom(page) });

const name = (page: ComponentPage) =>
  `${page.name in KNOWN_FAILING ? `KNOWN FAILING (${KNOWN_FAILING[page.name]}): ` : ''}${page.library} ${page.version}: the code reaches the component's state`;

describe('OTP inputs of component libraries, filled in Chromium', () => {
  it.each(COMPONENT_PAGES.map((page) => [name(page), page] as const))('%s', async (_, component) => {
    const page = await tessera.context.newPage();
    try {
      await page.goto(`${origin}/${component.name}/`);
      await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
      await page.getByRole('button', { name: 'Verify' }).waitFor();
      expect(await frameworkState(page)).toBe('');
      // What a click on the account in the popup sends; the account is bound to this site.
      const reply = await sendFromPage(setup, 'fill.code', { id, tabId: await tabIdOf(tessera, page.url()) });
      // Soft: on a failure, what the component ended up holding is reported as well.
      expect.soft(reply.value).toEqual({ filled: true, how: component.how, site: SITE });
      const codes = validCodes(ACCOUNT, await page.evaluate(() => Date.now()));
      await expect
        .poll(() => readBack(page), { timeout: 3_000 })
        .toSatisfy(({ state, dom }) => codes.includes(state ?? '') && dom === state);
    } finally {
      await page.close();
    }
  });
});

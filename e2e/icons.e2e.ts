/**
 * Service icons and tags in the popup (issue 16): every row shows its monogram; with "Show site
 * icons" on, an account bound to a site shows Chrome's `_favicon` for it, others keep their
 * monogram; imported tags show as chips and `#tag` filters the search.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import { monogramColour } from '../utils/core/accounts/monogram';
import { axeViolations } from './axe';
import { launchWithVault, type Tessera } from './harness';
import { restoreEntries } from './restore-entries';

const totp = (issuer: string, label: string, secret: string): Account => ({
  type: 'totp',
  issuer,
  label,
  secret,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});

let tessera: Tessera;
let popup: Page;
let site: Server;
let siteOrigin: string;

/** A 1×1 red PNG: the favicon of the local site below. */
const ICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** A site with an icon, on loopback (this machine has no other network). */
async function startSite(): Promise<void> {
  site = createServer((request, response) => {
    if (request.url === '/icon.png') response.writeHead(200, { 'content-type': 'image/png' }).end(ICON);
    else
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Forge</title><link rel="icon" href="/icon.png"><h1>Forge</h1>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

/** Visits the site, as the user did before binding an account to it, until Chrome has stored its icon. */
async function visitSite(): Promise<void> {
  const tab = await tessera.context.newPage();
  await tab.goto(`${siteOrigin}/`);
  await popup.waitForFunction(
    async (page) => {
      const url = (of: string) => `${location.origin}/_favicon/?pageUrl=${encodeURIComponent(of)}&size=32`;
      const bytes = async (of: string) => new Uint8Array(await (await fetch(url(of))).arrayBuffer()).join();
      return (await bytes(page)) !== (await bytes('https://tessera.invalid/'));
    },
    `${siteOrigin}/`,
    { polling: 100 },
  );
  await tab.close();
}

const row = (issuer: string) => popup.locator('li.account').filter({ hasText: issuer });
const search = () => popup.getByRole('searchbox', { name: 'Search accounts' });
const shownIssuers = () => popup.locator('li.account .issuer').allTextContents();

beforeAll(async () => {
  await startSite();
  ({ tessera, popup } = await launchWithVault());
  await popup.setViewportSize({ width: 360, height: 600 });
  await visitSite();
  await restoreEntries(popup, [
    { id: 'forge', account: totp('Forge', 'dave', 'MFRGGZDFMZTWQ2LA'), sites: [siteOrigin] },
    {
      id: 'github',
      account: totp('GitHub', 'alice@example.com', 'JBSWY3DPEHPK3PXP'),
      sites: ['https://github.example'],
      tags: ['Work', 'Open source', 'A rather long tag name that cannot fit in one row at all'],
    },
    { id: 'bank', account: totp('Bank', 'bob', 'GEZDGNBVGY3TQOJQ'), tags: ['home'] },
    { id: 'mail', account: totp('', 'carol@mail.example', 'MFRGGZDFMZTWQ2LK') },
  ]);
  await popup.reload();
  await search().waitFor();
});

afterAll(async () => {
  await tessera?.close();
  site?.close();
});

describe('service icons', () => {
  it('shows monograms, in the issuer colour, and no picture while site icons are off', async () => {
    await expect(row('GitHub').locator('.monogram').getAttribute('data-letter')).resolves.toBe('G');
    await expect(row('Bank').locator('.monogram').getAttribute('data-letter')).resolves.toBe('B');
    // Drawn by CSS, so it is on screen though not in the row's text.
    await expect(
      row('GitHub')
        .locator('.monogram')
        .evaluate((element) => getComputedStyle(element, '::before').content),
    ).resolves.toBe('"G"');
    await expect(row('carol@mail.example').locator('.monogram').getAttribute('data-letter')).resolves.toBe('C');
    const colour = await row('GitHub')
      .locator('.monogram')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    const hex = monogramColour('GitHub').slice(1);
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    expect(colour).toBe(`rgb(${r}, ${g}, ${b})`);
    await expect(popup.locator('.account-icon img').count()).resolves.toBe(0);
    await expect(row('Forge').locator('.monogram').isVisible()).resolves.toBe(true);
  });

  it('turns site icons on from Settings, with the favicon permission held', async () => {
    await popup.getByRole('button', { name: 'Settings' }).click();
    const toggle = popup.getByRole('checkbox', { name: 'Show site icons' });
    await expect(toggle.isChecked()).resolves.toBe(false);
    await toggle.check();
    await expect(toggle.isChecked()).resolves.toBe(true);
    await expect(
      popup.evaluate(() =>
        (
          globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }
        ).chrome.permissions.contains({ permissions: ['favicon'] }),
      ),
    ).resolves.toBe(true);
    await popup.reload();
    await search().waitFor();
  });

  it("shows a bound account's site icon from Chrome's favicon cache, over its monogram", async () => {
    const image = row('Forge').locator('.account-icon img');
    const src = (await image.getAttribute('src'))!;
    expect(src.startsWith(`chrome-extension://${tessera.extensionId}/_favicon/?`)).toBe(true);
    expect(new URL(src).searchParams.get('pageUrl')).toBe(`${siteOrigin}/`);
    await expect(image.getAttribute('loading')).resolves.toBe('lazy');
    await expect(image.getAttribute('alt')).resolves.toBe('');
    await row('Forge').locator('.account-icon.loaded').waitFor();
    await expect(image.evaluate((element: HTMLImageElement) => element.naturalWidth)).resolves.toBeGreaterThan(0);
    await expect(image.isVisible()).resolves.toBe(true);
    await expect(row('Forge').locator('.monogram').isVisible()).resolves.toBe(false);
  });

  it('keeps the monogram of an account bound to a site Chrome has no icon for (not the generic globe)', async () => {
    const github = row('GitHub').locator('.account-icon');
    // The picture is tried, found to be Chrome's generic one, and dropped.
    await github.locator('img').waitFor({ state: 'detached' });
    await expect(github.locator('.monogram').isVisible()).resolves.toBe(true);
  });

  it('leaves unbound accounts with their monogram', async () => {
    await expect(row('Bank').locator('.account-icon img').count()).resolves.toBe(0);
    await expect(row('Bank').locator('.monogram').isVisible()).resolves.toBe(true);
  });

  it('keeps the copy button names as they were, the icons being decorative', async () => {
    await popup.getByRole('button', { name: /^Copy the code for GitHub alice@example\.com \d{3} \d{3}$/ }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
  });
});

describe('tags', () => {
  it("shows an account's tags as chips after its label, told to screen readers as its description", async () => {
    await expect(row('GitHub').locator('.tag').allTextContents()).resolves.toEqual([
      'Work',
      'Open source',
      'A rather long tag name that cannot fit in one row at all',
    ]);
    const button = popup.getByRole('button', { name: /^Copy the code for GitHub/ });
    const described = (await button.getAttribute('aria-describedby'))!;
    expect(described).toMatch(/^tags-/);
    await expect(popup.locator(`[id="${described}"]`).textContent()).resolves.toBe(
      'Tags: Work, Open source, A rather long tag name that cannot fit in one row at all',
    );
    await expect(row('carol@mail.example').locator('.tag').count()).resolves.toBe(0);
  });

  it('never makes a row wider than the 360 px popup, however long the tags', async () => {
    // The row, not the document: the header's own overflow is the design part of issue 16.
    const layout = await row('GitHub').evaluate((li) => ({
      row: { scroll: li.scrollWidth, client: li.clientWidth, right: li.getBoundingClientRect().right },
      chips: [...li.querySelectorAll('.tag-list, .tag')].map((element) => {
        const box = element.getBoundingClientRect();
        return { text: element.textContent, right: box.right, height: box.height };
      }),
    }));
    expect(layout.row.right).toBeLessThanOrEqual(360);
    expect(layout.row.scroll).toBeLessThanOrEqual(layout.row.client);
    expect(layout.chips.length).toBe(4);
    for (const chip of layout.chips) expect(chip.right, chip.text!).toBeLessThanOrEqual(layout.row.right);
  });

  it.each([
    ['#work', ['GitHub']],
    ['#WORK', ['GitHub']],
    ['#open-source', ['GitHub']],
    ['#home', ['Bank']],
    ['#work git', ['GitHub']],
    ['#work bank', []],
    ['bob', ['Bank']],
  ])('search %j shows %j', async (query, issuers) => {
    await search().fill(query);
    if (issuers.length === 0) await popup.getByText('No account matches').waitFor();
    else await expect.poll(shownIssuers).toEqual(issuers);
    await search().fill('');
    await expect.poll(async () => (await shownIssuers()).length).toBe(4);
  });
});

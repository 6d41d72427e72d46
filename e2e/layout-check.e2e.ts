/**
 * Each rule of the layout check (layout-check.ts) fires on a tiny page made to break it, names the
 * offending element, and stays quiet on the look-alikes it must allow: a list that scrolls down,
 * text hidden for screen readers, an inline link in a sentence, a hidden control.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChrome, NO_CHROME_MESSAGE } from '../scripts/find-chrome';
import { layoutOffences, describeOffences } from './layout-check';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(NO_CHROME_MESSAGE);
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  page = await browser.newPage({ viewport: { width: 360, height: 600 } });
});
afterAll(() => browser?.close());

const STYLE = `<style>
  body { margin: 0; font: 16px sans-serif; }
  button { min-width: 24px; min-height: 24px; margin: 4px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>`;

async function offencesOf(body: string) {
  await page.setContent(`<!doctype html><html lang="en">${STYLE}<body>${body}</body></html>`);
  return layoutOffences(page);
}

describe('the layout check', () => {
  it('finds nothing on a tidy page with look-alikes of each offence', async () => {
    const tidy = `
      <header style="display:flex; gap:8px"><button>Scan</button><button>Add</button></header>
      <ul style="height:100px; overflow-y:auto; margin:0; padding:0">
        ${'<li style="height:40px"><button>Copy</button></li>'.repeat(10)}
      </ul>
      <p>Read the <a href="#">help page</a> first.</p>
      <span class="sr-only">A very long text for screen readers only, far wider than the popup itself</span>
      <label style="display:flex; align-items:center; gap:8px; min-height:32px; margin-bottom:8px"><input type="checkbox"> Remember</label>
      <label class="button" style="display:inline-block; padding:8px">Scan a file<input type="file" class="sr-only"></label>
      <label class="button" style="display:inline-block; padding:8px; margin-left:8px">Or this<input type="file" style="position:absolute; width:20px; clip-path:inset(50%)"></label>
      <button style="display:none; position:absolute; top:0; left:0">Hidden</button>
      <span aria-hidden="true" style="display:inline-block; width:10px; height:10px; overflow:hidden">decorative glyph</span>
      <p style="overflow:hidden; text-overflow:ellipsis; white-space:nowrap">Fits</p>
      <p title="Corporate Identity: alice.longname@example.com" style="width:100px"><span style="display:block; overflow:hidden; text-overflow:ellipsis; white-space:nowrap">alice.longname@example.com</span></p>`;
    expect(await offencesOf(tidy)).toEqual([]);
  });

  it('finds a box wider than its container, and names what sticks out', async () => {
    const offences = await offencesOf(
      `<header class="bar" style="display:flex; width:360px"><button style="flex:none; width:200px">Scan QR code</button><button style="flex:none; width:200px">Settings</button></header>`,
    );
    expect(offences).toEqual([
      expect.objectContaining({
        rule: 'too wide',
        element: 'header.bar "Scan QR code Settings"',
        detail: expect.stringMatching(/sticks out: header\.bar > button:nth-of-type\(2\) "Settings"$/),
      }),
    ]);
  });

  it('finds the page itself wider than the window, and an unbreakable word', async () => {
    const offences = await offencesOf(
      `<p id="word" style="width:300px">${'Sicherheitsschlüsselverwaltungsoberfläche'.repeat(2)}</p>`,
    );
    expect(offences.map((o) => `${o.rule}: ${o.element.slice(0, 7)}`)).toEqual(['too wide: p#word ']);
  });

  it('finds clipped text, across and down', async () => {
    const offences = await offencesOf(`
      <p class="name" style="width:100px; overflow:hidden; text-overflow:ellipsis; white-space:nowrap">alice.longname@example.com</p>
      <p class="two" style="width:100px; height:20px; overflow:hidden">many words that wrap onto several lines</p>
      <p class="short" title="alice" style="width:100px; overflow:hidden; text-overflow:ellipsis; white-space:nowrap">alice.longname@example.com</p>`);
    expect(offences.map((o) => `${o.rule}: ${o.element}`)).toEqual([
      'clipped: p.name "alice.longname@example.com"',
      'clipped: p.two "many words that wrap onto several lines"',
      'clipped: p.short "alice.longname@example.com"',
    ]);
  });

  it('finds controls under 24×24, with a checkbox measured together with its label', async () => {
    const offences = await offencesOf(`
      <button style="min-height:0; height:20px; padding:0">Lock</button>
      <label style="display:block; margin-top:10px"><input type="checkbox" style="margin:0"> Remember</label>
      <p><a href="#" style="display:inline-block">More</a></p>`);
    expect(offences.filter((o) => o.rule === 'too small').map((o) => o.element)).toEqual([
      'button "Lock"',
      'label > input "Remember"',
      'p > a "More"',
    ]);
  });

  it('finds overlapping and touching controls, each pair once', async () => {
    const offences = await offencesOf(`
      <div style="position:relative; height:40px">
        <button class="fill" style="position:absolute; left:0; width:100px; margin:0">Fill anyway</button>
        <input class="search" aria-label="Search" style="position:absolute; left:80px; width:100px; height:30px; box-sizing:border-box">
      </div>
      <div style="display:flex"><button class="a" style="margin:0">One</button><button class="b" style="margin:0">Two</button></div>`);
    expect(offences.map((o) => `${o.rule}: ${o.element} ${o.detail.replace(/ by .*/, '')}`)).toEqual([
      'overlap: div:nth-of-type(1) > button.fill "Fill anyway" overlaps div:nth-of-type(1) > input.search "Search"',
      'touching: div:nth-of-type(2) > button.a "One" touches div:nth-of-type(2) > button.b "Two"',
    ]);
  });

  it('checks only inside the element asked for, and the page width still', async () => {
    await offencesOf(`
      <button class="theirs" style="min-height:0; height:10px">Page's own</button>
      <div role="dialog" style="width:400px"><button class="ours" style="min-height:0; height:10px">Ours</button></div>`);
    const offences = await layoutOffences(page, '[role=dialog]');
    expect(offences.map((o) => `${o.rule}: ${o.element}`)).toEqual([
      'too wide: the page',
      'too small: div[role=dialog] > button.ours "Ours"',
    ]);
  });

  it('lists every offence of a screen under its name', () => {
    expect(
      describeOffences('de-dark-360x600-settings', [
        { rule: 'too small', element: 'button "Lock"', detail: 'is 20px×20px, under 24×24' },
        { rule: 'clipped', element: 'p "x"', detail: 'shows 10px of 20px of its width' },
      ]),
    ).toBe(
      'de-dark-360x600-settings: 2 layout offence(s)\n' +
        '  too small: button "Lock" is 20px×20px, under 24×24\n' +
        '  clipped: p "x" shows 10px of 20px of its width',
    );
  });
});

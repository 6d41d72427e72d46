/**
 * The release builds pass what the Chrome Web Store and addons.mozilla.org check on upload
 * (scripts/store-checks.ts), and each check fails a package made to break it.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/release-files';
import { storeProblems } from '../scripts/store-checks';

const CHROME = path.join(ROOT, '.output', 'chrome-mv3');
const FIREFOX = path.join(ROOT, '.output', 'firefox-mv3');
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the Chrome build with one thing changed. */
function broken(change: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tessera-store-'));
  copies.push(dir);
  cpSync(CHROME, dir, { recursive: true });
  change(dir);
  return dir;
}

function editJson(file: string, edit: (json: Record<string, unknown>) => void) {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(file, JSON.stringify(json));
}

describe('what the stores check', () => {
  it.each([
    ['Chrome (and Edge)', CHROME],
    ['Firefox', FIREFOX],
  ])('the %s package passes', (_, dir) => {
    expect(storeProblems(dir)).toEqual([]);
  });

  it.each<[string, (dir: string) => void, RegExp]>([
    [
      'a description over 132 characters',
      (dir) =>
        editJson(path.join(dir, '_locales/fr/messages.json'), (json) => {
          json.extDescription = { message: 'x'.repeat(133) };
        }),
      /description: 133 characters in fr/,
    ],
    ['a missing icon', (dir) => rmSync(path.join(dir, 'icon/48.png')), /no 48 px icon/],
    [
      'an icon of the wrong size',
      (dir) => cpSync(path.join(dir, 'icon/16.png'), path.join(dir, 'icon/32.png')),
      /icon\/32.png is 16×16/,
    ],
    [
      'eval',
      (dir) => writeFileSync(path.join(dir, 'extra.js'), 'const x = eval(location.hash);'),
      /remote code: eval in extra.js/,
    ],
    [
      'an import() of a computed URL',
      (dir) => writeFileSync(path.join(dir, 'extra.js'), 'await import(url);'),
      /import\(\) of a computed URL/,
    ],
    [
      'importScripts outside the helper Worker',
      (dir) => writeFileSync(path.join(dir, 'extra.js'), 'importScripts("/helper-scan.js");'),
      /remote code: importScripts in extra.js/,
    ],
    [
      'importScripts of a network URL in the helper Worker',
      (dir) => appendFileSync(path.join(dir, 'helper-worker.js'), 'importScripts("https://cdn.example/x.js");'),
      /remote code: importScripts in helper-worker.js/,
    ],
    [
      'a script from the network',
      (dir) => writeFileSync(path.join(dir, 'extra.html'), '<script src="https://cdn.example/x.js"></script>'),
      /a script from the network in extra.html/,
    ],
    [
      'a permission nobody uses',
      (dir) => {
        const worker = path.join(dir, 'background.js');
        writeFileSync(worker, readFileSync(worker, 'utf8').replaceAll('alarms.create(', 'alarms.make('));
      },
      /alarms is asked for but no code uses it/,
    ],
    [
      'a permission the check does not know',
      (dir) =>
        editJson(path.join(dir, 'manifest.json'), (json) => {
          json.permissions = [...(json.permissions as string[]), 'history'];
        }),
      /nothing says what history is for/,
    ],
    [
      'a permission the listing does not justify',
      (dir) =>
        editJson(path.join(dir, 'manifest.json'), (json) => {
          json.permissions = [...(json.permissions as string[]), 'tabs'];
        }),
      /store\/permissions.txt does not justify tabs/,
    ],
  ])('refuses %s', (_, change, problem) => {
    expect(storeProblems(broken(change)).join('\n')).toMatch(problem);
  });
});

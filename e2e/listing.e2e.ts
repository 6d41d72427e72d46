/**
 * A smoke test of `npm run release:listing` (e2e/listing-shots.ts, scripts/listing.ts): one scene
 * in one theme and the promo tile, at the stores' sizes, and the listing's texts. The full set
 * (five scenes, two themes) is made by the command itself, not by `npm test`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pngSize } from '../scripts/store-checks';
import { shippedLocales, writeListingTexts } from '../scripts/store-listing';
import { SHOT, takeListingShots, TILE } from './listing-shots';

const out = mkdtempSync(path.join(tmpdir(), 'tessera-listing-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the store listing (npm run release:listing)', () => {
  it('photographs the codes over the demo site at 1280×800 and renders the 440×280 promo tile', async () => {
    const tile = path.join(out, 'promo-tile.png');
    const files = await takeListingShots({ out, themes: ['dark'], scenes: ['codes'], tile });
    expect(files.map((file) => path.basename(file))).toEqual(['1-codes-dark.png', 'promo-tile.png']);
    expect(pngSize(readFileSync(files[0]!))).toEqual(SHOT);
    expect(pngSize(readFileSync(tile))).toEqual(TILE);
  });

  it('writes the texts of every shipped language', () => {
    writeListingTexts(out);
    for (const locale of shippedLocales())
      expect(readdirSync(path.join(out, locale)).sort()).toEqual(['description.txt', 'name.txt', 'summary.txt']);
    expect(readFileSync(path.join(out, 'permissions.txt'), 'utf8')).toMatch(/^activeTab: /);
  });
});

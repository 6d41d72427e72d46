/**
 * `npm run release:listing` (after `wxt build --mode e2e`): the store listing in
 * `test-results/listing/`, which `npm run release` copies into `release/listing/` (issue 18):
 * - the texts (scripts/store-listing.ts): `LANG/name.txt`, `summary.txt`, `description.txt` for
 *   every shipped language, `single-purpose.txt` and `permissions.txt` for the Chrome dashboard;
 * - `screenshots/LANG/N-SCENE-THEME.png` at 1280×800 from the real extension on the demo site
 *   (e2e/listing-shots.ts), light and dark, and `promo-tile-440x280.png`.
 * TESSERA_LISTING_LOCALES=en,de,fr photographs those languages (English by default).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { takeListingShots } from '../e2e/listing-shots';
import { ROOT } from './release-files';
import { shippedLocales, writeListingTexts } from './store-listing';

const OUT = path.join(ROOT, 'test-results', 'listing');
const locales = (process.env.TESSERA_LISTING_LOCALES ?? 'en').split(',').filter(Boolean);
const unknown = locales.filter((locale) => !shippedLocales().includes(locale));
if (unknown.length) {
  console.error(`release:listing: Tessera ships no ${unknown.join(', ')} (it ships ${shippedLocales().join(' ')}).`);
  process.exit(1);
}

const started = performance.now();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeListingTexts(OUT);
const files: string[] = [];
for (const [i, locale] of locales.entries()) {
  files.push(
    ...(await takeListingShots({
      out: path.join(OUT, 'screenshots', locale),
      locale,
      tile: i === 0 ? path.join(OUT, 'promo-tile-440x280.png') : undefined,
    })),
  );
}
console.log(`Store listing in ${path.relative(ROOT, OUT)}/ (${((performance.now() - started) / 1000).toFixed(1)} s):`);
for (const file of files) console.log(`  ${path.relative(OUT, file)}`);

/**
 * `npm run build-for-amo`: what a reviewer at addons.mozilla.org runs in the unpacked sources zip
 * (after `npm ci`) to rebuild the Firefox package Tessera uploaded, byte for byte: the release
 * build for Firefox, zipped reproducibly (scripts/reproducible-zip.ts) to
 * `release/tessera-<version>-firefox.zip`. Needs Node.js 20 and npm; nothing else, no git.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildZip, packageVersion, releaseNames, RELEASE_DIR, ROOT } from './release-files';

// NODE_ENV decides which build Vite makes (a development one when set so): fixed, as in a release.
const env = { ...process.env, NODE_ENV: 'production' };
if (spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit', env }).status !== 0)
  process.exit(1);
const zip = await buildZip(path.join(ROOT, '.output', 'firefox-mv3'));
const out = path.join(RELEASE_DIR, releaseNames(packageVersion()).firefox);
mkdirSync(RELEASE_DIR, { recursive: true });
writeFileSync(out, zip);
console.log(`${createHash('sha256').update(zip).digest('hex')}  ${path.relative(ROOT, out)}`);
console.log(`(built with Node.js ${process.version}: the same version gives the same bytes)`);

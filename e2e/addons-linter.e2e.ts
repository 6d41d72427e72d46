/**
 * addons.mozilla.org runs Mozilla's addons-linter on every upload: the Firefox package `npm run
 * release` makes must pass it with no error and no warning, apart from the ones
 * scripts/lint-firefox.ts explains (issue 18). Runs on the release build `npm test` made.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZip, ROOT } from '../scripts/release-files';
import { describeMessages, lintFirefoxPackage } from '../scripts/lint-firefox';

describe("Mozilla's addons-linter on the Firefox package", () => {
  it('finds no error and no unexplained warning', async () => {
    const report = await lintFirefoxPackage(await buildZip(path.join(ROOT, '.output', 'firefox-mv3')));
    expect(describeMessages(report.errors)).toBe('');
    expect(describeMessages(report.warnings)).toBe('');
    expect(describeMessages(report.notices)).toBe('');
  });

  it('still fails a package with a warning nobody explained', async () => {
    const { reproducibleZip } = await import('../scripts/reproducible-zip');
    const manifest = { manifest_version: 3, name: 'x', version: '1.0', background: { scripts: ['bg.js'] } };
    const zip = await reproducibleZip([
      { name: 'manifest.json', bytes: new TextEncoder().encode(JSON.stringify(manifest)) },
      {
        name: 'bg.js',
        bytes: new TextEncoder().encode('document.body.innerHTML = location.hash; eval(location.hash);'),
      },
    ]);
    const report = await lintFirefoxPackage(zip);
    expect(report.warnings.map((warning) => warning.code)).toEqual(
      expect.arrayContaining(['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL']),
    );
    expect(report.explained).toEqual([]);
  });
});

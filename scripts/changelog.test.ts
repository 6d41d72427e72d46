import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogEntry } from './changelog';

const log = (...sections: string[]) => ['# Changelog', '', ...sections].join('\n');

describe('changelogEntry', () => {
  it('returns the section of the version', () => {
    const text = log(
      '## [Unreleased]',
      '',
      '## [1.2.0] - 2026-11-30',
      '### Added',
      '- Sync',
      '',
      '## [1.1.0] - 2026-10-01',
      '- Old',
    );
    expect(changelogEntry(text, '1.2.0')).toBe('### Added\n- Sync');
  });

  it.each([
    ['no section', log('## [1.1.0] - 2026-10-01', '- Old'), /no section/],
    ['no date', log('## [1.2.0]', '- Sync'), /release date/],
    ['a bad date', log('## [1.2.0] - 30.11.2026', '- Sync'), /release date/],
    ['no entry', log('## [1.2.0] - 2026-11-30', '### Added', ''), /lists no change/],
    ['only a prefix match', log('## [1.2.0-beta] - 2026-11-30', '- Beta'), /no section/],
  ])('refuses %s', (_, text, message) => {
    expect(() => changelogEntry(text, '1.2.0')).toThrow(message);
  });

  it("has the entry of package.json's version", () => {
    const root = path.resolve(import.meta.dirname, '..');
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(changelogEntry(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version)).toMatch(/^- /m);
  });
});

/**
 * Comments may cite only documents a reader of the repository can open: a Markdown file in it
 * (README.md, INTERNALS.md, ...), named bare or by a relative path, or a public source by its full
 * address (an RFC, an upstream repository, a specification). Notes kept outside the repository
 * (a sibling folder, a private design document) cannot be followed by anyone reading the code, so
 * a `*.md` name in a source file must resolve, from the repository root or from the citing file's
 * folder, to a file of the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const FIXTURE = /(?:^|\/)(?:__)?fixtures?(?:__)?\//;

/**
 * A bare name or relative path ending in `.md`. The look-behind skips what continues an address
 * (`https://host/docs/x.md`) or an absolute path (`/test/x.md`, a URL path in a test).
 */
const CITATION = /(?<![\w./-])((?:\.\.?\/)*[\w-][\w.-]*(?:\/[\w.-]+)*\.md)\b/gi;

/** The repository's files: tracked, plus new ones not ignored (as scripts/check-cycles.ts lists them). */
function repositoryFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && existsSync(path.join(ROOT, file)));
}

/** The citations in `text` (from the repository file `file`) that name no file of the repository. */
function danglingCitations(file: string, text: string, known: ReadonlySet<string>): string[] {
  const resolves = (cited: string) =>
    [ROOT, path.join(ROOT, path.dirname(file))].some((base) =>
      known.has(path.relative(ROOT, path.resolve(base, cited)).split(path.sep).join('/')),
    );
  return text.split('\n').flatMap((line, index) =>
    [...line.matchAll(CITATION)]
      .map((match) => match[1]!)
      .filter((cited) => !resolves(cited))
      .map((cited) => `${file}:${index + 1}: ${cited}`),
  );
}

describe('documents cited in the source', () => {
  const files = repositoryFiles();
  const known = new Set(files);

  it('all exist in the repository', () => {
    const dangling = files
      .filter((file) => SOURCE.test(file) && !FIXTURE.test(file))
      .flatMap((file) => danglingCitations(file, readFileSync(path.join(ROOT, file), 'utf8'), known));
    expect(dangling).toEqual([]);
  });

  // Names are put together at run time so that this file cites nothing itself.
  const md = (name: string) => `${name}.md`;

  it.each([
    `// (${md('STYLE')} §3)`,
    ` * see ../shared/${md('FORMATS')} §2`,
    ` * Aegis vaults (Aegis \`${md('docs/vault')}\`)`,
    ` * as ${md('fixtures/README')} says`,
  ])('finds the dangling citation in %s', (line) => {
    expect(danglingCitations('utils/core/example.ts', line, known)).toHaveLength(1);
  });

  it.each([
    ['utils/example.ts', ` * (see ${md('INTERNALS')}, "The layers")`],
    ['utils/example.ts', ` * ${md('README')}, or ${md('../README')} from the file's folder`],
    ['demo/test-pages.ts', ` * the pages' ${md('test-pages/README')}`],
    ['utils/example.ts', ` * @see ${md('https://github.com/beemdevelopment/Aegis/blob/master/docs/vault')}`],
    ['demo/server.test.ts', `expect((await get('/test/${md('README')}')).status).toBe(404);`],
  ])('accepts, in %s, %s', (file, line) => {
    expect(danglingCitations(file, line, known)).toEqual([]);
  });
});

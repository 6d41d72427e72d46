/**
 * A Vite plugin that removes the two ways our dependencies could run code that is not in the
 * package, so the built extension has none (Mozilla's addons-linter: DANGEROUS_EVAL and
 * UNSAFE_VAR_ASSIGNMENT on `import()`; the Chrome Web Store's "no remote code" rule). Both are
 * dead code for Tessera, but a reviewer cannot tell that from the bundle:
 *
 * - kdbxweb's webpack runtime finds the global object with `new Function('return this')()` when
 *   `globalThis` is missing. Every browser Tessera runs in has `globalThis`.
 * - zip.js loads a codec module from a URL (`await import(codecURI)`) when one is configured
 *   with `configure({ ... })`. Tessera configures none: it reads archives with the browser's own
 *   `DecompressionStream` (utils/core/import/zip-contents.ts).
 *
 * Each rewrite must match exactly once: a dependency update that changes the text fails the
 * build here instead of shipping the old code unnoticed.
 */
import type { Plugin } from 'vite';

export interface Rewrite {
  /** The end of the module's path, as resolved by Vite (forward slashes). */
  module: string;
  find: string;
  replace: string;
}

export const REWRITES: readonly Rewrite[] = [
  {
    module: '/node_modules/kdbxweb/dist/kdbxweb.js',
    find: "return this || new Function('return this')();",
    replace: 'return globalThis;',
  },
  {
    module: '/node_modules/@zip.js/zip.js/lib/core/codec-registry.js',
    find: 'setCodecStreams(format, await import(/* webpackIgnore: true */ /* @vite-ignore */ codecURI));',
    replace: 'throw new Error("Tessera loads no codec module: " + codecURI);',
  },
];

/** Applies the rewrite meant for `id` to `code`; throws when its text is not there exactly once. */
export function rewriteModule(id: string, code: string, rewrites: readonly Rewrite[] = REWRITES): string | undefined {
  const rewrite = rewrites.find((candidate) => id.replaceAll('\\', '/').endsWith(candidate.module));
  if (!rewrite) return undefined;
  const parts = code.split(rewrite.find);
  if (parts.length !== 2)
    throw new Error(
      `no-dynamic-code: expected the text to rewrite once in ${rewrite.module}, found it ${parts.length - 1} times. ` +
        'Did the dependency change? Check the new code for eval or import() and update scripts/no-dynamic-code.ts.',
    );
  return parts.join(rewrite.replace);
}

export function noDynamicCode(): Plugin {
  return {
    name: 'tessera-no-dynamic-code',
    enforce: 'pre',
    transform(code, id) {
      const rewritten = rewriteModule(id.split('?')[0]!, code);
      return rewritten === undefined ? null : { code: rewritten, map: null };
    },
  };
}

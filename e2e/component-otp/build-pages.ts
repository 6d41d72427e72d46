/**
 * Bundles each component page of this folder (one tiny app per OTP library) with esbuild into
 * `outDir/<name>/` (index.html, app.js, app.css when the page has styles), for
 * e2e/component-otp.e2e.ts to serve. Nothing built is committed: the test builds into
 * test-results/.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const HERE = import.meta.dirname;
const NODE_MODULES = path.resolve(HERE, '../../node_modules');

/** One OTP library's page. */
export interface ComponentPage {
  /** Its folder under the build, and host name prefix. */
  name: string;
  /** The library (with the framework's version where it matters) and its version installed, for test names. */
  library: string;
  version: string;
  /** Its source file in this folder. */
  entry: string;
  /** How Tessera should fill it: one input (input-otp) or split boxes. */
  how: 'single' | 'split';
  /** The element the app mounts on. */
  body: string;
}

/** The version node_modules holds of `pkg` (pinned in package.json; not every package exports its package.json). */
function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(path.join(NODE_MODULES, pkg, 'package.json'), 'utf8')) as { version: string })
    .version;
}

const page = (
  name: string,
  library: string,
  pkg: string,
  entry: string,
  how: ComponentPage['how'],
  body = '<div id="root"></div>',
): ComponentPage => ({ name, library, version: versionOf(pkg), entry, how, body });

export const COMPONENT_PAGES: readonly ComponentPage[] = [
  page(
    'mui',
    `MUI ${versionOf('@mui/material')} + mui-one-time-password-input`,
    'mui-one-time-password-input',
    'mui.tsx',
    'split',
  ),
  page('antd', 'Ant Design Input.OTP', 'antd', 'antd.tsx', 'split'),
  page('chakra', 'Chakra UI PinInput', '@chakra-ui/react', 'chakra.tsx', 'split'),
  page('input-otp', 'input-otp (shadcn/ui InputOTP)', 'input-otp', 'input-otp.tsx', 'single'),
  page('react-otp-input', 'react-otp-input', 'react-otp-input', 'react-otp-input.tsx', 'split'),
  page('vue3-otp-input', `vue3-otp-input (Vue ${versionOf('vue')})`, 'vue3-otp-input', 'vue3-otp-input.ts', 'split'),
  page(
    'ng-otp-input',
    `ng-otp-input (Angular ${versionOf('@angular/core')})`,
    'ng-otp-input',
    'ng-otp-input.ts',
    'split',
    '<app-two-factor></app-two-factor>',
  ),
];

const html = (hasCss: boolean, body: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sign in: two-factor authentication</title>
    ${hasCss ? '<link rel="stylesheet" href="app.css" />' : ''}
  </head>
  <body>
    ${body}
    <script src="app.js"></script>
  </body>
</html>
`;

/** Builds every page (in parallel) into `outDir/<name>/`. */
export async function buildComponentPages(outDir: string, pages = COMPONENT_PAGES): Promise<void> {
  await Promise.all(
    pages.map(async ({ name, entry, body }) => {
      const dir = path.join(outDir, name);
      await mkdir(dir, { recursive: true });
      const result = await build({
        entryPoints: { app: path.join(HERE, entry) },
        outdir: dir,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'chrome120',
        minify: true,
        jsx: 'automatic',
        jsxImportSource: 'react',
        // Vue's full build compiles the page's template in the browser.
        alias: { vue: 'vue/dist/vue.esm-bundler.js' },
        define: {
          'process.env.NODE_ENV': '"production"',
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
        // Angular's decorators are the legacy ones, read at run time by its JIT compiler.
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
        logLevel: 'silent',
        metafile: true,
      });
      const hasCss = Object.keys(result.metafile.outputs).some((file) => file.endsWith('.css'));
      await writeFile(path.join(dir, 'index.html'), html(hasCss, body));
    }),
  );
}

/**
 * What the Chrome Web Store (and addons.mozilla.org) refuse, checked on a built package before
 * anyone uploads it (issue 18):
 * - the store description at most 132 characters, in every language;
 * - icons of 16, 32, 48 and 128 px, each file really that size;
 * - no remote or generated code: no eval, no `new Function`, no `import()` of a computed URL, no
 *   script from the network (Chrome Web Store program policies, "Remote code");
 * - no unused permission: each permission the manifest asks for is used by the built code,
 *   found by the API call it exists for ("Use of permissions": request the narrowest set).
 * @see https://developer.chrome.com/docs/webstore/program-policies/mv3-requirements
 * @see https://developer.chrome.com/docs/webstore/troubleshooting#excessive-permissions
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { permissionJustifications } from './store-listing';

/** The call each permission is for, as it reads in the minified bundle. */
export const PERMISSION_USES: Record<string, RegExp> = {
  // activeTab is what lets these reach the tab the user clicked Tessera on.
  activeTab: /\.captureVisibleTab\(/,
  scripting: /\.executeScript\(/,
  contextMenus: /contextMenus\.create\(/,
  storage: /storage\.(local|session|sync)\b|defineItem\(`(local|session|sync):/,
  alarms: /alarms\.create\(/,
  // Clearing a copied code later, without a click (the offscreen document or Firefox's background page).
  clipboardWrite: /execCommand\(`copy`\)/,
  offscreen: /createDocument\(\{url:/,
  sidePanel: /\bsidePanel\b/,
  favicon: /_favicon\//,
  downloads: /downloads\.download\(/,
  // Host permissions the side panel asks for, one site at a time.
  'https://*/*': /permissions\.request\(/,
  'http://*/*': /permissions\.request\(/,
};

const DYNAMIC_CODE: [RegExp, string][] = [
  [/(^|[^.\w$])eval\(/, 'eval'],
  [/new Function\(|(^|[^.\w$])Function\(\s*[`'"]/, 'new Function'],
  [/(^|[^.\w$])import\(\s*[^\s`'"]/, 'import() of a computed URL'],
  [/importScripts\(/, 'importScripts'],
];

/**
 * The helper's Worker (utils/helper/serve-helper.ts) loads the package's own chunk scripts with
 * importScripts, by root-relative path: allowed there only, and only while it names no other
 * origin (a network URL, a blob: or data: script).
 */
const HELPER_WORKER = 'helper-worker.js';
function packagedImports(file: string, code: string): boolean {
  return file === HELPER_WORKER && !/https?:\/\/|[`'"](blob|data):/.test(code);
}

export interface Manifest {
  description?: string;
  default_locale?: string;
  icons?: Record<string, string>;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

function files(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative)).flatMap((name) => {
    const child = relative ? `${relative}/${name}` : name;
    return statSync(path.join(dir, child)).isDirectory() ? files(dir, child) : [child];
  });
}

/** Width and height of a PNG, from its IHDR chunk (PNG spec §11.2.2). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Everything wrong with the built package in `dir`; empty when a store would take it. */
export function storeProblems(dir: string): string[] {
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const all = files(dir);

  // The description, as each language shows it.
  const key = /^__MSG_(\w+)__$/.exec(manifest.description ?? '')?.[1];
  const descriptions: [string, string][] = key
    ? all
        .filter((file) => /^_locales\/[^/]+\/messages\.json$/.test(file))
        .map((file) => {
          const messages = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<
            string,
            { message: string }
          >;
          return [file.split('/')[1]!, messages[key]?.message ?? ''];
        })
    : [['manifest', manifest.description ?? '']];
  for (const [locale, text] of descriptions) {
    if (!text) problems.push(`description: none in ${locale}`);
    else if ([...text].length > 132)
      problems.push(`description: ${[...text].length} characters in ${locale} (at most 132)`);
  }

  for (const size of ['16', '32', '48', '128']) {
    const file = manifest.icons?.[size];
    if (!file || !existsSync(path.join(dir, file))) {
      problems.push(`icons: no ${size} px icon`);
      continue;
    }
    const actual = pngSize(readFileSync(path.join(dir, file)));
    if (!actual || actual.width !== Number(size) || actual.height !== Number(size))
      problems.push(
        `icons: ${file} is ${actual ? `${actual.width}×${actual.height}` : 'not a PNG'}, not ${size}×${size}`,
      );
  }

  const scripts = all.filter((file) => file.endsWith('.js'));
  const code = scripts.map((file) => readFileSync(path.join(dir, file), 'utf8'));
  scripts.forEach((file, i) => {
    for (const [pattern, what] of DYNAMIC_CODE)
      if (pattern.test(code[i]!) && !(what === 'importScripts' && packagedImports(file, code[i]!)))
        problems.push(`remote code: ${what} in ${file}`);
  });
  for (const file of all.filter((name) => name.endsWith('.html'))) {
    if (/<script[^>]+src=["']?(https?:)?\/\//i.test(readFileSync(path.join(dir, file), 'utf8')))
      problems.push(`remote code: a script from the network in ${file}`);
  }

  const asked = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  const bundle = code.join('\n');
  const justified = permissionJustifications();
  for (const permission of new Set(asked)) {
    const use = PERMISSION_USES[permission];
    if (!use) problems.push(`permissions: nothing says what ${permission} is for (scripts/store-checks.ts)`);
    else if (!use.test(bundle)) problems.push(`permissions: ${permission} is asked for but no code uses it`);
    // The Chrome Web Store's dashboard asks why, one permission at a time.
    if (!justified.has(permission)) problems.push(`permissions: store/permissions.txt does not justify ${permission}`);
  }
  return problems;
}

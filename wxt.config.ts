import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { noDynamicCode } from './scripts/no-dynamic-code';

/** Build mode of the end-to-end test build: `wxt build --mode e2e` writes `.output/chrome-mv3-e2e`. */
const E2E_MODE = 'e2e';

/** The build of sql.js the extension bundles (its package's "browser" export) loads this file. */
const SQLITE_WASM = fileURLToPath(import.meta.resolve('sql.js/dist/sql-wasm-browser.wasm'));

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out, so a module's dependencies are visible where it is read
  // (INTERNALS.md, "The layers").
  imports: false,
  // MV3 everywhere, Firefox included: storage.session and captureVisibleTab under activeTab need it.
  manifestVersion: 3,
  // noDynamicCode: no eval and no import() of a URL in the bundle (the stores' rule on remote code).
  vite: () => ({ plugins: [preact(), noDynamicCode()] }),
  hooks: {
    // The e2e build is the release build plus <all_urls> and a test door: WXT would build it as
    // NODE_ENV "e2e", which gives Preact's development JSX (source locations on every element)
    // and devtools hooks, so the tests and benchmarks would run other popup code than users get.
    'config:resolved': (wxt) => {
      if (wxt.config.mode === E2E_MODE) process.env.NODE_ENV = 'production';
    },
    // The worker reads, compiles and runs its whole script on every wake (issue 19). Rolldown's
    // constant inlining copied tldts's 68 KB label string into each of its three uses, 137 KB
    // more to read on each wake and too far apart for gzip to share; off, the string stays one
    // constant. Only the builds with tldts (the worker's, the helper's site chunk): elsewhere it
    // saves a few bytes.
    'vite:build:extendConfig': (entrypoints, config) => {
      const tldts = (entrypoint: { type: string; name: string }) =>
        entrypoint.type === 'background' || entrypoint.name === 'helper-site';
      if (!entrypoints.some(tldts)) return;
      config.build = {
        ...config.build,
        rolldownOptions: {
          ...config.build?.rolldownOptions,
          optimization: { ...config.build?.rolldownOptions?.optimization, inlineConst: false },
        },
      };
    },
    // Chrome's offscreen document (clipboard clearing) is a plain page in public/; Firefox has no
    // offscreen documents (its background page has the clipboard), so it gets neither page nor script.
    // sql.js (utils/core/import/sqlite-database.ts) fetches its WebAssembly from beside the
    // worker script, the extension's root: it is copied there from the package, never stored.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: SQLITE_WASM, relativeDest: 'sql-wasm-browser.wasm' });
      if (wxt.config.browser !== 'firefox') return;
      files.splice(0, files.length, ...files.filter((file) => file.relativeDest !== 'offscreen.html'));
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege: no host permissions in a release build. Tests cannot click the toolbar, so
    // `activeTab` is never granted there; only the e2e build may reach every page.
    // activeTab + scripting: read the page the user is on when they ask to scan, and only then.
    // contextMenus: "Scan this QR code with Tessera" on pictures, "Fill one-time code" on fields.
    // clipboardWrite (and Chrome's offscreen document): clear a copied code after 30 s, without
    // reading the clipboard (utils/clipboard/clipboard-guard.ts), so no clipboardRead.
    // sidePanel (Chrome; no install warning): the accounts view beside the page. Firefox's sidebar
    // (sidebar_action, from entrypoints/sidepanel) needs no permission.
    permissions: [
      'activeTab',
      'scripting',
      'contextMenus',
      'storage',
      'alarms',
      'clipboardWrite',
      ...(browser === 'firefox' ? [] : ['offscreen', 'sidePanel']),
      // The e2e build holds Chrome's `favicon` permission from the start: tests cannot answer the
      // permission prompt, and permissions.request for one already held resolves true at once.
      ...(browser !== 'firefox' && mode === E2E_MODE ? ['favicon'] : []),
      // The same for `downloads` (automatic backups).
      ...(mode === E2E_MODE ? ['downloads'] : []),
    ],
    // The side panel is not a toolbar click, so it never grants activeTab: it may fill only on
    // sites the user allows, one at a time, at their first fill there from the panel
    // (utils/popup/side-panel.ts). Optional: nothing is asked at install, no warning shown.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // favicon: Chrome's `_favicon/` (the browser's favicon cache, no request to any server) for
    // site icons, asked when the user turns them on (utils/popup/icon-permission.ts). Firefox has
    // no such API and captures the tab's icon instead (utils/fill/capture-site-icon.ts).
    // downloads: automatic backups write their files to Downloads/Tessera/, asked when they are
    // turned on (utils/popup/downloads-permission.ts) and given back when turned off.
    ...(mode === E2E_MODE
      ? {}
      : { optional_permissions: [...(browser === 'firefox' ? [] : ['favicon']), 'downloads'] }),
    // hash-wasm runs Argon2id as WebAssembly; nothing looser than 'wasm-unsafe-eval' is allowed.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    commands: {
      'lock-vault': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_lockCommand__' },
      'scan-qr': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_scanCommand__' },
      // Fills the page's account into its code field (the browser's shortcut settings change it).
      'fill-code': {
        suggested_key: { default: 'Ctrl+Shift+L', mac: 'Command+Shift+L' },
        description: '__MSG_fillCommand__',
      },
    },
    ...(mode === E2E_MODE ? { host_permissions: ['<all_urls>'] } : {}),
    // Chrome 116: runtime.getContexts, which finds the offscreen document an earlier worker left
    // (utils/helper/offscreen-document.ts); the side panel (114) and the offscreen WORKERS reason
    // are older. Unlocking needs the helper, so an older Chrome must not install Tessera.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tessera@tessera-authenticator.org',
              // 140 (the ESR): data_collection_permissions; optional_host_permissions came in 128.
              strict_min_version: '140.0',
              // Tessera sends nothing anywhere (Firefox's required data-collection declaration).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android: data_collection_permissions came in 142. It has no commands,
            // context menus or sidebar; the code checks for each (README, "Firefox for Android").
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Globals that exist only in a page or an extension: everything a browser window defines that
 * neither Node nor the language itself has, plus the extension namespaces.
 */
const domOnlyGlobals = [
  'browser',
  'chrome',
  ...Object.keys(globals.browser).filter((name) => !(name in globals.node) && !(name in globals.builtin)),
];

const otpauthOnlyInOtp = {
  name: 'otpauth',
  message: 'Only utils/core/otp/otp.ts talks to otpauth (INTERNALS.md, "The layers").',
};

/**
 * WXT's path aliases (`@/`, `~/`, `@@/`, `~~/`) are not used: every import is a relative path, so
 * the layer rules below and scripts/check-cycles.ts see where it goes.
 */
const noAliases = {
  group: ['@/*', '~/*', '@@/*', '~~/*'],
  message: 'Import by relative path (INTERNALS.md, "The layers").',
};

/**
 * The pure core's import rule; `utils/core/otp/otp.ts` alone may also import otpauth. Relative
 * imports may not climb out of utils/core: `depth` is how many folders below it the file sits.
 */
function coreImports(allowOtpauth, depth = 0) {
  const up = '../'.repeat(depth + 1);
  return [
    'error',
    {
      // '#imports' goes in `paths`: in a gitignore-style pattern a leading '#' starts a comment.
      paths: [
        { name: '#imports', message: 'utils/core is pure: no extension APIs.' },
        ...(allowOtpauth ? [] : [otpauthOnlyInOtp]),
      ],
      patterns: [
        {
          group: ['wxt', 'wxt/*', '@wxt-dev/*', 'webextension-polyfill'],
          message: 'utils/core is pure: no extension APIs.',
        },
        { group: ['preact', 'preact/*', '@preact/*'], message: 'utils/core is pure: no UI.' },
        { group: [`${up}*`, `!${up}core/*`], message: 'utils/core may only import utils/core.' },
        noAliases,
      ],
    },
  ];
}

/** The worker's feature folders: services, handlers, storage items, and the page code they inject. */
const WORKER_FOLDERS = [
  'background',
  'vault',
  'accounts',
  'clipboard',
  'clock',
  'scan',
  'preview',
  'fill',
  'transfer',
  'sync',
  'helper',
];

/** The worker folders, by name wherever the import starts (utils/core's folders of the same names are pure). */
const workerFolderBan = {
  regex: `(^|/)(?<!core/)(${WORKER_FOLDERS.join('|')})/|(^|/)messaging/message-router$`,
  message: 'Pages talk to the worker by message only (utils/messaging/message-client.ts).',
};

/**
 * What the popup and the options page may not import: they talk to the worker by message only
 * (utils/messaging/message-client.ts), with the types of utils/core/messaging/messages.ts, so no
 * worker module, and no storage code, is ever loaded into a page.
 */
const popupImports = [
  'error',
  {
    paths: [otpauthOnlyInOtp, { name: '#imports', message: 'Only the worker reads storage.' }],
    patterns: [
      workerFolderBan,
      { group: ['wxt/utils/storage', '@wxt-dev/storage'], message: 'Only the worker reads storage.' },
      noAliases,
    ],
  },
];

/** What the worker (and the page code it injects) may not import: anything of the popup's. */
const workerImports = [
  'error',
  {
    paths: [otpauthOnlyInOtp],
    patterns: [
      { regex: '(^|/)(components|hooks|popup)/', message: 'The worker never loads popup code.' },
      { group: ['preact', 'preact/*', '@preact/*'], message: 'The worker never loads popup code.' },
      noAliases,
    ],
  },
];

/**
 * What runs on both sides (the message client, i18n) and the code the worker injects into pages:
 * neither the worker's modules nor the popup's, and no storage.
 */
const sharedImports = (extra = []) => [
  'error',
  {
    paths: [otpauthOnlyInOtp, { name: '#imports', message: 'Only the worker reads storage.' }],
    patterns: [
      workerFolderBan,
      ...workerImports[1].patterns,
      { group: ['wxt/utils/storage', '@wxt-dev/storage'], message: 'Only the worker reads storage.' },
      ...extra,
    ],
  },
];

/** Long lines: 120 columns, as Prettier writes; only URLs, and in tests and demo pages test data. */
const maxLen = (data) => [
  'error',
  {
    code: 120,
    ignoreUrls: true,
    ignoreRegExpLiterals: true,
    ...(data ? { ignoreStrings: true, ignoreTemplateLiterals: true } : {}),
  },
];

/**
 * What ships runs no code it did not bring and writes no markup from strings: the stores refuse
 * remote code (Chrome Web Store, addons.mozilla.org), and addons-linter flags each of these.
 * Preact's own `dangerouslySetInnerHTML` support is the one innerHTML in the bundle; nothing uses it.
 */
const noDynamicMarkup = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-syntax': [
    'error',
    {
      selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
      message: 'No markup from strings: render elements (the stores flag innerHTML).',
    },
    {
      selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
      message: 'No markup from strings: build elements (the stores flag innerHTML).',
    },
    {
      selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
      message: 'No markup from strings: build elements (the stores flag innerHTML).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': ['error', { paths: [otpauthOnlyInOtp], patterns: [noAliases] }],
      'max-len': maxLen(false),
    },
  },
  {
    files: ['utils/**', 'components/**', 'hooks/**', 'entrypoints/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: noDynamicMarkup,
  },
  {
    // Test vectors and demo pages are data: their strings may be as long as the data is.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'demo/**', 'bench/**', 'tests/**'],
    rules: { 'max-len': maxLen(true) },
  },
  {
    files: ['components/**', 'hooks/**', 'utils/popup/**', 'entrypoints/popup/**', 'entrypoints/options/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': popupImports },
  },
  {
    files: [
      ...WORKER_FOLDERS.map((folder) => `utils/${folder}/**`),
      'utils/messaging/message-router.ts',
      'entrypoints/background.ts',
      'entrypoints/offscreen.ts',
      'entrypoints/helper-*.ts',
      'entrypoints/*.content.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': workerImports },
  },
  {
    files: ['utils/i18n/**', 'utils/messaging/message-client.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': sharedImports() },
  },
  {
    // Code injected into pages: the DOM, utils/core and its own folder, nothing of the worker's.
    files: ['utils/*/page/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': sharedImports([
        { regex: '^\\.\\./(?!\\.\\./core/)', message: 'Page code may import only utils/core and its own folder.' },
      ]),
    },
  },
  {
    // The pure core (INTERNALS.md, "The layers"): no browser, no WXT, no DOM, no Preact, and
    // nothing from the layers above it, so it runs and is tested anywhere.
    files: ['utils/core/**/*.ts'],
    ignores: ['utils/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': coreImports(false),
      'no-restricted-globals': [
        'error',
        ...domOnlyGlobals.map((name) => ({ name, message: 'utils/core is pure: no DOM or extension globals.' })),
      ],
    },
  },
  {
    files: ['utils/core/*/**/*.ts'],
    ignores: ['utils/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': coreImports(false, 1) },
  },
  { files: ['utils/core/otp/otp.ts'], rules: { 'no-restricted-imports': coreImports(true, 1) } },
);

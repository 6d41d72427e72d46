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
      ],
    },
  ];
}

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
      'no-restricted-imports': ['error', { paths: [otpauthOnlyInOtp] }],
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

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Two projects: `unit` (pure core and services, with WXT's fakeBrowser) and `e2e` (the built
 * extension in real Chromium, run after `wxt build --mode e2e`). `npm test` runs both in turn.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['{utils,components,entrypoints,demo,scripts,tests}/**/*.test.{ts,tsx}'],
          testTimeout: 60_000,
          // A spy, stubbed global or stubbed variable lasts one test, even one that fails halfway.
          restoreMocks: true,
          unstubGlobals: true,
          unstubEnvs: true,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

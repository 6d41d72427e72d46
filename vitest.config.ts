import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * `TESSERA_TEST_ORDER=reverse`: each project's files in reverse alphabetical order, to show that
 * no test file depends on another having run first (Vitest can shuffle files, with
 * `--sequence.shuffle.files --sequence.seed=N`, but not reverse them).
 */
class ReverseSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort(
      (a, b) => a.project.name.localeCompare(b.project.name) || b.moduleId.localeCompare(a.moduleId),
    );
  }
}

/**
 * Two projects: `unit` (pure core and services, with WXT's fakeBrowser) and `e2e` (the built
 * extension in real Chromium, run after `wxt build --mode e2e`). `npm test` runs both in turn.
 */
export default defineConfig({
  test: {
    ...(process.env.TESSERA_TEST_ORDER === 'reverse' ? { sequence: { sequencer: ReverseSequencer } } : {}),
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          setupFiles: ['tests/setup-argon2id.ts'],
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
          setupFiles: ['tests/setup-argon2id.ts'],
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

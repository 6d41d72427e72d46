/**
 * Stand-in until the helper channel lands (issue 19): runs the `site` chunk's tasks in the worker
 * itself. `import()` of a module is inlined by the worker's IIFE build as a module evaluated on
 * first use, so tldts is not run on wake, though its bytes are still read. Replace it with the
 * HelperClient of utils/helper/helper-client.ts to take them out.
 * TODO(2026-12-02): remove when register-background.ts has the real helper.
 */
import type { HelperClient } from './helper-client';

export const siteHelperInWorker: Pick<HelperClient, 'run'> = {
  async run(task, input) {
    const { default: site } = await import('./site-tasks');
    const tasks = site.tasks as unknown as Record<string, ((input: unknown) => Promise<never>) | undefined>;
    const run = tasks[task];
    if (!run) throw new Error(`Only the site chunk runs in the worker (${task}).`);
    return run(input);
  },
};

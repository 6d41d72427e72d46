/**
 * The helper for unit tests: the same chunk task tables the helper Worker loads
 * (utils/helper/*-tasks.ts), run in the test's own process. Input and output go through JSON,
 * as over Chrome's runtime port, and errors cross as they do there (helper-protocol.ts), so a
 * task that returns bytes or a class instance fails here too.
 */
import { errorOf, failureOf, TASK_CHUNKS, type HelperChunk } from '../utils/core/helper/helper-protocol';
import type { ChunkDefinition } from '../utils/helper/define-chunk';
import type { HelperClient } from '../utils/helper/helper-client';

const chunkModules = import.meta.glob<{ default: ChunkDefinition<HelperChunk> }>('../utils/helper/*-tasks.ts');

async function chunkTasks(chunk: HelperChunk): Promise<Record<string, (input: unknown) => Promise<unknown>>> {
  for (const load of Object.values(chunkModules)) {
    const definition = (await load()).default;
    if (definition.chunk === chunk) return definition.tasks as Record<string, (input: unknown) => Promise<unknown>>;
  }
  throw new Error(`No chunk ${chunk} in utils/helper/*-tasks.ts`);
}

/** Every task run, for tests that check what went to the helper. */
export const helperCalls: { task: string; input: unknown }[] = [];

export const inProcessHelper: HelperClient = {
  async run(task, input) {
    helperCalls.push({ task, input });
    const tasks = await chunkTasks(TASK_CHUNKS[task]);
    try {
      const value = await tasks[task]!(JSON.parse(JSON.stringify(input)));
      return JSON.parse(JSON.stringify(value ?? null)) as never;
    } catch (error) {
      throw errorOf(failureOf(error));
    }
  },
};

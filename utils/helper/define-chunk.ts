/**
 * A helper chunk: the tasks one script (`helper-<chunk>.js`) brings into the helper's Worker
 * (utils/core/helper/helper-protocol.ts). Its entrypoint registers it on the Worker's global
 * scope, where serve-helper.ts finds it after importScripts.
 */
import type { ChunkTasks, HelperChunk } from '../core/helper/helper-protocol';

export interface ChunkDefinition<C extends HelperChunk> {
  chunk: C;
  tasks: ChunkTasks<C>;
}

export function defineChunk<C extends HelperChunk>(chunk: C, tasks: ChunkTasks<C>): ChunkDefinition<C> {
  return { chunk, tasks };
}

const REGISTRY = '__tesseraHelperChunks';

type Registry = Partial<Record<HelperChunk, Record<string, (input: unknown) => Promise<unknown>>>>;

function registry(): Registry {
  const scope = globalThis as unknown as Record<string, Registry | undefined>;
  return (scope[REGISTRY] ??= {});
}

/** Called by each chunk's script when it loads. */
export function registerChunk<C extends HelperChunk>(definition: ChunkDefinition<C>): void {
  registry()[definition.chunk] = definition.tasks as unknown as Registry[C];
}

/** A loaded chunk's tasks, or undefined before its script ran. */
export function registeredChunk(chunk: HelperChunk): Registry[HelperChunk] {
  return registry()[chunk];
}

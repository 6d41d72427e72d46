/**
 * The helper Worker's loop (entrypoints/helper-worker.ts): each request names a task; the task's
 * chunk script is loaded with importScripts on first use (a dedicated Worker may import scripts at
 * any time, unlike a service worker), then the task runs and its answer or error is posted back.
 */
import {
  failureOf,
  isHelperTask,
  TASK_CHUNKS,
  type HelperChunk,
  type HelperReply,
  type HelperRequest,
} from '../core/helper/helper-protocol';
import { registeredChunk } from './define-chunk';

export interface HelperScope {
  postMessage(reply: HelperReply): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  importScripts(...urls: string[]): void;
}

/** The script of a chunk, beside the Worker's own script. */
export const chunkScript = (chunk: HelperChunk): string => `/helper-${chunk}.js`;

export async function runRequest(scope: Pick<HelperScope, 'importScripts'>, request: HelperRequest): Promise<unknown> {
  if (!isHelperTask(request.task)) throw new Error(`Unknown helper task ${JSON.stringify(request.task)}.`);
  const chunk = TASK_CHUNKS[request.task];
  if (!registeredChunk(chunk)) scope.importScripts(chunkScript(chunk));
  const task = registeredChunk(chunk)?.[request.task];
  if (!task) throw new Error(`The helper chunk ${chunk} did not register ${request.task}.`);
  return task(request.input);
}

export function serveHelper(scope: HelperScope): void {
  scope.addEventListener('message', ({ data }) => {
    const request = data as HelperRequest;
    if (typeof request?.id !== 'number') return;
    const fail = (error: unknown) => scope.postMessage({ id: request.id, ok: false, error: failureOf(error) });
    runRequest(scope, request).then((value) => {
      try {
        scope.postMessage({ id: request.id, ok: true, value });
      } catch (error) {
        fail(error); // an answer that cannot be sent still gets one
      }
    }, fail);
  });
}

/**
 * The background's side of the helper (utils/core/helper/helper-protocol.ts): `run(task, input)`
 * sends one task over a channel, opened on first use and closed after IDLE_MS without a task, so
 * the helper's memory (a parsed import library, a decoded screenshot) is given back.
 */
import {
  errorOf,
  type HelperReply,
  type HelperRequest,
  type HelperTask,
  type TaskInput,
  type TaskOutput,
} from '../core/helper/helper-protocol';

export interface HelperClient {
  run<T extends HelperTask>(task: T, input: TaskInput<T>): Promise<TaskOutput<T>>;
}

/** Where tasks go: Chrome's offscreen document's port, or Firefox's Worker. */
export interface HelperChannel {
  post(request: HelperRequest): void;
  /** Registers the one reply listener and the one listener for the channel's end. */
  listen(onReply: (reply: HelperReply) => void, onClose: (reason: string) => void): void;
  /** Tells the channel whether tasks are running (Chrome's offscreen document may close when none is). */
  busy?(busy: boolean): void;
  close(): void;
}

/** How long the helper stays after its last task. */
export const IDLE_MS = 15_000;
/** The longest a task may take: an import's KDF at its largest allowed cost, on a slow machine. */
export const TASK_MS = 120_000;

/** The channel ended before the task's answer came: its document or Worker went. */
class HelperStopped extends Error {}

export function createHelperClient(
  open: () => Promise<HelperChannel>,
  idleMs = IDLE_MS,
  taskMs = TASK_MS,
): HelperClient {
  let channel: Promise<HelperChannel> | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let idle: ReturnType<typeof setTimeout> | undefined;

  function connect(): Promise<HelperChannel> {
    channel ??= open().then(
      (opened) => {
        opened.listen(
          (reply) => {
            const waiting = pending.get(reply.id);
            if (!waiting) return;
            pending.delete(reply.id);
            if (reply.ok) waiting.resolve(reply.value);
            else waiting.reject(errorOf(reply.error));
            if (pending.size === 0) {
              opened.busy?.(false);
              scheduleClose();
            }
          },
          (reason) => {
            channel = undefined;
            for (const waiting of pending.values()) waiting.reject(new HelperStopped(`The helper stopped: ${reason}`));
            pending.clear();
          },
        );
        return opened;
      },
      (error: unknown) => {
        channel = undefined;
        throw error;
      },
    );
    return channel;
  }

  function scheduleClose(): void {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (pending.size || !channel) return;
      const closing = channel;
      channel = undefined;
      void closing.then((opened) => opened.close()).catch(() => undefined);
    }, idleMs);
  }

  async function send(task: HelperTask, input: unknown): Promise<unknown> {
    clearTimeout(idle);
    const opened = await connect();
    const id = nextId++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answer = new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // A task that never answers (a Worker stuck or gone silent) must not hold its caller forever.
      timer = setTimeout(() => {
        if (!pending.delete(id)) return;
        reject(new Error(`The helper did not answer ${task} in time.`));
        if (pending.size === 0) opened.busy?.(false);
      }, taskMs);
    });
    opened.busy?.(true);
    opened.post({ id, task, input } as HelperRequest);
    return answer.finally(() => clearTimeout(timer));
  }

  return {
    async run(task, input) {
      // Tasks are pure: one whose channel ended under it (its offscreen document closed) runs again.
      const answer = await send(task, input).catch((error: unknown) => {
        if (error instanceof HelperStopped) return send(task, input);
        throw error;
      });
      return answer as TaskOutput<typeof task>;
    },
  };
}

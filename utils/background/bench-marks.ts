/**
 * The e2e build's timing marks for `npm run bench` (bench/cold-open.bench.ts): each extension
 * storage call and each message the worker answers leaves a User Timing mark, which Chrome's
 * trace (`blink.user_timing`) shows beside the worker's start and script evaluation, so a cold
 * popup open can be broken down without guessing. entrypoints/background.ts installs it only when
 * the build mode is "e2e", a compile-time constant, so the release build has none of this code.
 */

/** The mark names, shared with the bench that reads them. */
export const BENCH_MARK = {
  storage: 'tessera:worker:storage',
  received: 'tessera:worker:received',
  answered: 'tessera:worker:answered',
} as const;

type Area = Record<string, unknown> & { get: (...args: unknown[]) => unknown };
type Listener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => unknown;

/**
 * Calls `method` with `args` between two marks, `<label> begin` and `<label> end`, and passes its
 * answer on unchanged, whether it comes as a promise or through a trailing callback (which is
 * how webextension-polyfill calls Chrome's APIs).
 */
function marked(label: string, method: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  const end = () => void performance.mark(`${label} end`);
  performance.mark(`${label} begin`);
  const last = args.at(-1);
  if (typeof last === 'function')
    return method(
      ...args.slice(0, -1),
      (...answer: unknown[]) => (end(), (last as (...a: unknown[]) => void)(...answer)),
    );
  const result = method(...args);
  if (result instanceof Promise) result.then(end, end);
  return result;
}

/** Wraps chrome.storage's reads and runtime.onMessage's listeners; call before any is used. */
export function installBenchMarks(): void {
  const api = (globalThis as unknown as { chrome: Record<string, Record<string, unknown>> }).chrome;
  for (const name of ['local', 'session'] as const) {
    const area = api.storage![name] as Area | undefined;
    if (!area) continue;
    const get = area.get.bind(area);
    area.get = (...args: unknown[]) => marked(`${BENCH_MARK.storage} ${name}.get`, get, args);
  }
  const onMessage = api.runtime!.onMessage as { addListener(listener: Listener): void };
  const addListener = onMessage.addListener.bind(onMessage);
  onMessage.addListener = (listener: Listener) =>
    addListener((message, sender, sendResponse) => {
      const type = String((message as { type?: unknown } | undefined)?.type);
      performance.mark(`${BENCH_MARK.received} ${type}`);
      const answered = () => void performance.mark(`${BENCH_MARK.answered} ${type}`);
      const result = listener(message, sender, (response) => (answered(), sendResponse(response)));
      if (result instanceof Promise) result.then(answered, answered);
      return result;
    });
}

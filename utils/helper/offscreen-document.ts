/**
 * Chrome's offscreen document (public/offscreen.html), shared by the clipboard guard and the
 * helper. An extension has at most one, and `createDocument` fails while one exists, so both go
 * through here: one queue for creating and closing, and the set of users, so the document is
 * closed as soon as no user is working in it (an idle helper kept for its next task included:
 * its channel ends with the document), and never under a running task. Firefox has no offscreen
 * documents (its background page has the clipboard and starts the helper's Worker itself).
 *
 * Reasons (chrome.offscreen.Reason): CLIPBOARD to clear a copied code, WORKERS to start the
 * helper's Worker (utils/core/helper/helper-protocol.ts).
 */
import { browser } from 'wxt/browser';

export const OFFSCREEN_URL = 'offscreen.html';
export const OFFSCREEN_REASONS = ['CLIPBOARD', 'WORKERS'];
const JUSTIFICATION =
  'Clear a copied one-time code from the clipboard; run QR decoding, imports and key derivation in a worker';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

interface ContextsApi {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

/** Chrome's offscreen API, or undefined (Firefox). */
export function offscreenApi(): OffscreenApi | undefined {
  return (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
}

/** Who holds the document, and whether each is working in it now. */
const users = new Set<{ busy: boolean }>();
/** Whether this worker created the document and has not closed it (for browsers without getContexts). */
let opened = false;
let queue: Promise<unknown> = Promise.resolve();

function serial<T>(step: () => Promise<T>): Promise<T> {
  const next = queue.then(step, step);
  queue = next.catch(() => undefined);
  return next;
}

async function documentExists(): Promise<boolean> {
  const runtime = browser.runtime as unknown as ContextsApi;
  if (!runtime.getContexts) return opened;
  return (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0;
}

export interface OffscreenUse {
  /** Whether the document was created now (false: it was already there). */
  created: boolean;
  /** Marks this user working (a task is running) or idle (the document may close under it). */
  busy(busy: boolean): void;
  release(): Promise<void>;
}

/** Makes sure the document exists, and keeps it for this user, busy, until it is idle or released. */
export async function acquireOffscreen(api: OffscreenApi): Promise<OffscreenUse> {
  const user = { busy: true };
  users.add(user);
  let released = false;
  const closeIfIdle = () =>
    serial(async () => {
      const working = () => [...users].some(({ busy }) => busy);
      if (working()) return;
      const exists = await documentExists().catch(() => true);
      // A task may have started while Chrome answered: it keeps the document.
      if (exists && !working())
        await api.closeDocument().then(
          () => void (opened = false),
          () => undefined,
        );
    });
  const release = async () => {
    if (released) return;
    released = true;
    users.delete(user);
    await closeIfIdle();
  };
  try {
    const created = await serial(async () => {
      if (await documentExists()) return false;
      try {
        await api.createDocument({ url: OFFSCREEN_URL, reasons: OFFSCREEN_REASONS, justification: JUSTIFICATION });
      } catch (error) {
        // One left by an earlier worker, where getContexts cannot see it: use it.
        if (!/single offscreen document/i.test(String(error))) throw error;
        opened = true;
        return false;
      }
      opened = true;
      return true;
    });
    return { created, release, busy: (busy) => void (user.busy = busy) };
  } catch (error) {
    await release();
    throw error;
  }
}

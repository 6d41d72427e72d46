import { browser, type Browser } from 'wxt/browser';
import type { Messages, MessageType, Reply } from '../core/messaging/messages';

/** An error the background answered with; `code` says which (see ServiceErrorCode). */
export class MessageError extends Error {
  override readonly name = 'MessageError';

  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const lockListeners = new Set<() => void>();

/**
 * Calls `listener` when the vault locks (utils/background/announce.ts:announceLock), or when any
 * answer says it is locked, so a page drops decrypted state and QR codes it shows. Only the
 * worker's word counts (a content script's message is no lock); returns the unsubscribe.
 */
export function onLocked(listener: () => void): () => void {
  const fromWorker = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id === browser.runtime.id && !sender.tab && (message as { type?: unknown })?.type === 'tessera.locked')
      listener();
  };
  browser.runtime.onMessage.addListener(fromWorker);
  lockListeners.add(listener);
  return () => {
    browser.runtime.onMessage.removeListener(fromWorker);
    lockListeners.delete(listener);
  };
}

/** Sends one typed message to the background and returns its answer, or throws its error. */
export async function sendMessage<K extends MessageType>(
  type: K,
  ...[payload]: Messages[K]['payload'] extends void ? [] : [Messages[K]['payload']]
): Promise<Messages[K]['result']> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<K> | undefined;
  if (!reply) throw new MessageError('internal', 'Tessera did not answer. Try again.');
  if (!reply.ok && reply.error.code === 'locked') for (const listener of lockListeners) listener();
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message, reply.error.field);
  return reply.value;
}

import { browser } from 'wxt/browser';
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

/** Sends one typed message to the background and returns its answer, or throws its error. */
export async function sendMessage<K extends MessageType>(
  type: K,
  ...[payload]: Messages[K]['payload'] extends void ? [] : [Messages[K]['payload']]
): Promise<Messages[K]['result']> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<K> | undefined;
  if (!reply) throw new MessageError('internal', 'Tessera did not answer. Try again.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message, reply.error.field);
  return reply.value;
}

/**
 * The background's single message listener. Each handler says who may call it: `extension` pages
 * (the popup, the options page) or also content scripts, which may only ask about their own tab.
 * Errors travel as `{ ok: false, error: { code, message } }` because exceptions lose their type
 * crossing runtime messaging.
 */
import { browser, type Browser } from 'wxt/browser';
import { ImportError } from '../core/import/import-error';
import { OtpFieldError } from '../core/otp/otp-field-error';
import { ServiceError } from '../core/internal/service-error';
import type { ErrorReply, Messages, MessageType, Reply, Request } from '../core/messaging/messages';

export type Sender = Browser.runtime.MessageSender;
export type SenderKind = 'extension' | 'content-script' | 'unknown';

export interface Handler<K extends MessageType> {
  from: 'extension' | 'extension-or-content-script';
  handle(payload: Messages[K]['payload'], sender: Sender): Promise<Messages[K]['result']>;
}

export type Handlers = { [K in MessageType]: Handler<K> };

/** Who sent a message, from what the browser (not the sender) fills in. */
export function senderKind(sender: Sender): SenderKind {
  if (sender.id !== browser.runtime.id) return 'unknown';
  // getURL('/') ends in "/", so "chrome-extension://ID.evil/..." cannot pass as ours.
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return 'extension';
  if (sender.tab?.id !== undefined) return 'content-script';
  return 'unknown';
}

export function createMessageRouter(handlers: Handlers, { onActivity }: { onActivity?: () => Promise<void> } = {}) {
  return async (message: unknown, sender: Sender): Promise<Reply> => {
    try {
      const { type, payload } = (message ?? {}) as Partial<Request>;
      const handler = Object.hasOwn(handlers, type ?? '')
        ? (handlers[type as MessageType] as Handler<MessageType>)
        : undefined;
      if (!handler) throw new ServiceError('invalid-input', `Unknown message ${JSON.stringify(type)}.`);
      const kind = senderKind(sender);
      const allowed =
        kind === 'extension' || (kind === 'content-script' && handler.from === 'extension-or-content-script');
      if (!allowed) throw new ServiceError('forbidden', `${type} cannot be sent from here.`);
      const value = await handler.handle(payload, sender);
      // Not awaited: the answer should not wait for auto-lock's storage and alarm writes. A passive
      // refresh (codes rolled over, the side panel's tab changed) is not the user: an open side
      // panel must not keep the vault unlocked.
      const passive = type === 'accounts.list' && (payload as { passive?: unknown } | undefined)?.passive === true;
      if (kind === 'extension' && !passive)
        onActivity?.().catch((error: unknown) => console.error('Could not record activity', error));
      return { ok: true, value };
    } catch (error) {
      return errorReply(error);
    }
  };
}

function errorReply(error: unknown): ErrorReply {
  if (error instanceof ServiceError) return { ok: false, error: { code: error.code, message: error.message } };
  if (error instanceof ImportError) return { ok: false, error: { code: error.code, message: error.message } };
  if (error instanceof OtpFieldError)
    return { ok: false, error: { code: 'invalid-account', message: error.message, field: error.field } };
  console.error(error);
  return { ok: false, error: { code: 'internal', message: `Something went wrong: ${String(error)}` } };
}

/** Reads a text field of a payload, refusing anything else. */
export function text(payload: unknown, field: string): string {
  const value = (payload as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string') throw new ServiceError('invalid-input', `${field} must be text.`);
  return value;
}

/** How an error names each type a payload field may have. */
const KINDS = { string: 'text', number: 'a number', boolean: 'a boolean', object: 'an object' } as const;

/**
 * Reads an optional field of a payload: absent gives undefined, a value of another type is
 * refused (never quietly taken as absent, which could turn "this tab" into "the active tab").
 */
export function optionalField<T>(payload: unknown, field: string, type: keyof typeof KINDS): T | undefined {
  const value = (payload as Record<string, unknown> | undefined)?.[field];
  if (value === undefined || typeof value === type) return value as T | undefined;
  throw new ServiceError('invalid-input', `${field} must be ${KINDS[type]}.`);
}

/** The handlers of the messages whose names start with `prefix.`: what one handlers module answers. */
export type HandlersOf<Prefix extends string> = {
  [K in MessageType as K extends `${Prefix}.${string}` ? K : never]: Handler<K>;
};

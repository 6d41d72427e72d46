import type { Browser } from 'wxt/browser';
import { ServiceError } from '../core/internal/service-error';
import { targetTab } from '../background/active-tab';
import { optionalField } from '../messaging/message-router';

/** The tab a scan message is about: its `tabId`, else the active tab (see targetTab). */
export async function tabToScan(payload: unknown): Promise<Browser.tabs.Tab & { id: number }> {
  const tab = await targetTab(optionalField<number>(payload, 'tabId', 'number'));
  if (!tab?.id) throw new ServiceError('not-found', 'There is no page to scan.');
  return tab as Browser.tabs.Tab & { id: number };
}

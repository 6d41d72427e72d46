/** The scan's requests that must outlive the popup and the worker (session storage). */
import { storage } from 'wxt/utils/storage';

/** A scan asked for (keyboard command, image menu) while locked: the popup finishes it after unlocking. */
export const scanRequestItem = storage.defineItem<{ tabId: number }>('session:scanRequest');

/** The tab (and its window) where the user was asked to drag over a QR code; only it may answer. */
export const regionRequestItem = storage.defineItem<{ tabId: number; windowId: number }>('session:regionRequest');

/** The scan's requests that must outlive the popup and the worker (session storage). */
import { defineItem } from '../background/stored-item';

/** A scan asked for (keyboard command, image menu) while locked: the popup finishes it after unlocking. */
export const scanRequestItem = defineItem<{ tabId: number }>('session:scanRequest');

/** The tab (and its window) where the user was asked to drag over a QR code; only it may answer. */
export const regionRequestItem = defineItem<{ tabId: number; windowId: number }>('session:regionRequest');

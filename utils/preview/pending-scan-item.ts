import { defineItem } from '../background/stored-item';
import type { PendingScan } from '../core/preview/scan-preview';

/**
 * What the last scans found and the user has not yet added or dismissed (with secrets). Session
 * storage, like the data key: it outlives the popup closing (the region tool closes it) and the
 * worker stopping, never the browser session.
 */
export const pendingScanItem = defineItem<PendingScan>('session:pendingScan');

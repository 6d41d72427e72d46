import { defineItem } from '../background/stored-item';
import type { PendingFill } from '../core/fill/fill-outcome';

/**
 * A fill asked for by the keyboard command or the field menu that needs the popup: a choice, a
 * question, or why not.
 */
export const pendingFillItem = defineItem<PendingFill>('session:pendingFill');

/**
 * Sync's own bookkeeping in storage.local (INTERNALS.md, "Storage keys"). Neither is secret: the
 * device id names this device's keys in storage.sync, and the state is what Settings shows. The
 * synced items themselves (`t.h`, `t.p`, `t.d.*`) are read and written in sync-storage.ts.
 */
import { defineItem } from '../background/stored-item';
import type { SyncNotice, SyncPause } from '../core/sync/sync-status';

/** This device's id in storage.sync: 12 random base64url characters, made once. */
export const syncDeviceItem = defineItem<string>('local:syncDevice');

export interface SyncState {
  enabled: boolean;
  lastSyncedAt?: number;
  /** The sequence number of this device's last written area (core/sync encodeArea). */
  seq: number;
  /** Devices whose areas were read, with their labels and when they wrote them. */
  devices: Record<string, { label: string; at: number }>;
  bytes: number;
  paused?: SyncPause;
  notices: SyncNotice[];
}

export const syncStateItem = defineItem<SyncState>('local:syncState');

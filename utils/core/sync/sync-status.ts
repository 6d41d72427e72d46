/**
 * What `sync.status` answers (issue 17): whether sync is on, when it last synced, the devices seen
 * with their labels, the bytes the synced copy uses of the browser's quota, why it is paused, and
 * the synced areas it ignored. Codes, not sentences: the popup says them in the user's language.
 */

/** Why sync stopped writing: the quota would be exceeded, or the synced key changed (a passphrase change elsewhere). */
export type SyncPauseReason = 'quota' | 'other-key';

export interface SyncPause {
  reason: SyncPauseReason;
  /** `quota`: the bytes the synced copy would need, and the browser's total. */
  bytes?: number;
  quota?: number;
}

/** A synced area left out of the merge, whole (core/sync decodeAreas' SyncProblem, without its English message). */
export interface SyncNotice {
  device: string;
  /** The device's label when an area of it was read before, else its id. */
  label: string;
  code: 'sync-damaged' | 'sync-newer' | 'sync-other-key';
}

export interface SyncDevice {
  device: string;
  label: string;
  /** When its area was last written (its own clock, ms). */
  lastSeen: number;
  self: boolean;
}

export interface SyncStatus {
  enabled: boolean;
  lastSyncedAt: number | null;
  devices: SyncDevice[];
  /** Bytes the synced items use now (Chrome's rule: key length + JSON length of the value). */
  bytes: number;
  quota: number;
  paused?: SyncPause;
  notices: SyncNotice[];
}

/**
 * Sync through the browser's own storage.sync (issue 17; the records: core/sync/sync-types.ts): this
 * device writes only its own keys, reads every device's area, and merges them with core/sync's
 * join, so the browser's last-writer-wins per key never decides between two devices.
 *
 * Rules kept here: sync runs only while unlocked (the data key is needed) and never on the
 * popup's opening path; writes are debounced (sync-schedule.ts); an area that fails its checks is
 * left out whole, with a notice, and never touches local accounts; a synced key header this
 * device cannot read with its own key stops every write; a write that would exceed the quota
 * pauses sync with the bytes it needs, and local use goes on.
 */
import { browser } from 'wxt/browser';
import { toBase64 } from '../core/internal/bytes';
import { ServiceError } from '../core/internal/service-error';
import { decodeAreas } from '../core/sync/decode-areas';
import { encodeArea } from '../core/sync/encode-area';
import { decodeSyncHeader, encodeSyncHeader } from '../core/sync/sync-header';
import { mergeAreas } from '../core/sync/merge-areas';
import { ownArea } from '../core/sync/own-area';
import { startSync } from '../core/sync/start-sync';
import { stampChanges } from '../core/sync/stamp-changes';
import { SYNC_QUOTA, syncBytes } from '../core/sync/sync-bytes';
import type { SyncArea, SyncProblem } from '../core/sync/sync-types';
import type { SyncNotice, SyncStatus } from '../core/sync/sync-status';
import { emptyContents, type VaultContents } from '../core/vault/vault-contents';
import { randomBytes, unlockWrappedKey, type WrappedKey } from '../core/vault/vault-crypto';
import { verifySettings } from '../core/vault/settings-mac';
import { requireKey, sessionKey } from '../vault/session-key';
import { settingsItem, writeSettings } from '../vault/settings-item';
import type { Unlocked, VaultStore } from '../vault/vault-store';
import type { VaultSync } from '../vault/vault-service';
import { decodePreviousKey, encodePreviousKey } from './previous-key';
import { syncDeviceItem, syncStateItem, type SyncState } from './sync-items';
import { createSyncSchedule } from './sync-schedule';
import { areaKey, isAreaKey, staleAreaKeys } from '../core/sync/sync-keys';
import { lockEpoch, sameEpoch } from '../vault/lock-epoch';
import { SyncError } from '../core/sync/sync-error';
import { HEADER_KEY, PREVIOUS_KEY, hasSyncedVault, onSyncedChanged, readSynced, writeSynced } from './sync-storage';

type Key = Uint8Array<ArrayBuffer>;

export const SYNC_ALARM = 'tessera.sync';
/** Another device's change is merged after this long, so the chunks of one burst arrive together. */
const REMOTE_QUIET_MS = 1_000;

const NO_STATE: SyncState = { enabled: false, seq: 0, devices: {}, bytes: 0, notices: [] };

const OS_NAMES: Record<string, string> = {
  mac: 'macOS',
  win: 'Windows',
  linux: 'Linux',
  cros: 'ChromeOS',
  android: 'Android',
  openbsd: 'OpenBSD',
};

/** How other devices list this one: the browser and the system (no user text, so no language). */
async function deviceLabel(): Promise<string> {
  const name = import.meta.env.BROWSER === 'firefox' ? 'Firefox' : 'Chrome';
  const os = await Promise.resolve()
    .then(() => browser.runtime.getPlatformInfo())
    .then(
      (info) => info.os as string,
      () => '',
    );
  return os ? `${name} · ${OS_NAMES[os] ?? os}` : name;
}

/** This device's id, made once: 12 random base64url characters (9 bytes). */
export async function deviceId(): Promise<string> {
  const stored = await syncDeviceItem.getValue();
  if (stored) return stored;
  const made = toBase64(randomBytes(9)).replace(/\+/g, '-').replace(/\//g, '_');
  await syncDeviceItem.setValue(made);
  return made;
}

/** Whether the items fit Chrome's storage.sync quota (per item, in total, in number). */
function fits(items: Record<string, unknown>): boolean {
  const keys = Object.keys(items);
  return (
    keys.length <= SYNC_QUOTA.items &&
    syncBytes(items) <= SYNC_QUOTA.total &&
    keys.every((key) => syncBytes({ [key]: items[key] }) <= SYNC_QUOTA.perItem)
  );
}

/**
 * The sequence number this device last wrote, as storage.sync holds it: a device that lost its
 * state (an erase, then a join) or its worker mid-round must not write the same seq twice, or
 * readers would take a mix of two writes' chunks for one area.
 */
function writtenSeq(items: Readonly<Record<string, unknown>>, device: string): number {
  const meta = items[areaKey(device)];
  if (typeof meta !== 'string') return 0;
  try {
    const q = (JSON.parse(meta) as { q?: unknown }).q;
    return typeof q === 'number' && Number.isSafeInteger(q) && q > 0 ? q : 0;
  } catch {
    return 0;
  }
}

export interface SyncServiceDeps {
  store: VaultStore;
  now?: () => number;
  label?: () => Promise<string>;
}

export function createSyncService({ store, now = Date.now, label = deviceLabel }: SyncServiceDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs sync's read-merge-writes one at a time. */
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }
  /** The key id before a passphrase change began (beforeRotate), for `t.p`. */
  let rotatingFrom: string | undefined;

  const schedule = createSyncSchedule({ run: () => oneAtATime(syncOnce), now });

  async function state(): Promise<SyncState> {
    return { ...NO_STATE, ...(await syncStateItem.getValue()) };
  }
  async function saveState(changes: Partial<SyncState>): Promise<SyncState> {
    const next = { ...(await state()), ...changes };
    for (const key of Object.keys(changes) as (keyof SyncState)[]) if (changes[key] === undefined) delete next[key];
    await syncStateItem.setValue(next);
    return next;
  }

  /** The local vault's key header as `t.h` holds it, with its key id. */
  async function localHeader(): Promise<{ value: string; keyId: string } | null> {
    const bytes = await store.headerBytes();
    if (!bytes) return null;
    const value = await encodeSyncHeader(bytes);
    return { value, keyId: (await decodeSyncHeader(value)).keyId };
  }

  async function syncedHeader(value: unknown): Promise<{ keyId: string; wrapped: WrappedKey } | null> {
    if (value === undefined) return null;
    try {
      return await decodeSyncHeader(value);
    } catch {
      return null;
    }
  }

  function notices(problems: readonly SyncProblem[], devices: SyncState['devices'], self: string): SyncNotice[] {
    // Our own area under an older key is about to be rewritten: no notice for it.
    return problems
      .filter((problem) => problem.device !== self)
      .map(({ device, code }) => ({ device, label: devices[device]?.label ?? device, code }));
  }

  /** One round: read every area, merge into the local vault, write this device's area when it changed. */
  async function syncOnce(): Promise<void> {
    // A lock ends the round: work begun before it writes nothing (vault/lock-epoch.ts).
    const since = lockEpoch();
    const before = await state();
    if (!before.enabled) return;
    const key = await sessionKey();
    const local = await localHeader();
    if (key === null || local === null) return;
    const device = await deviceId();
    const items = await readSynced();
    const set: Record<string, string> = {};
    if (items[HEADER_KEY] === undefined) {
      // The synced copy was removed (Stop syncing elsewhere, removing it): this vault puts it back.
      set[HEADER_KEY] = local.value;
    } else {
      const synced = await syncedHeader(items[HEADER_KEY]);
      if (synced === null) {
        // Never write after failing to read the synced header with our own key.
        await saveState({ notices: [{ device: HEADER_KEY, label: HEADER_KEY, code: 'sync-damaged' }] });
        return;
      }
      if (synced.keyId !== local.keyId) {
        await saveState({ paused: { reason: 'other-key' } });
        return;
      }
    }
    const { areas, problems } = await decodeAreas(items, key, local.keyId);
    const devices = { ...before.devices };
    for (const area of areas) devices[area.device] = { label: area.label, at: area.at };

    // Every area, this device's own too: the join is idempotent, and after an erase and a join,
    // or a fall back to the previous generation, our own last area holds what the vault lost.
    const read = await store.read(key);
    if (!sameEpoch(since)) return;
    if (!read.contents.sync || mergeAreas(read.contents as VaultContents, areas, device, now()).changed) {
      await store.update(
        key,
        (contents) => {
          const base = contents.sync ? contents : startSync(contents, device, now());
          Object.assign(contents, mergeAreas(base, areas, device, now()).contents);
        },
        { stamp: false },
      );
    }
    const latest = (await store.read(key)).contents;
    // Our last area too: it tells ownArea what is already written (never what is covered).
    const area: SyncArea | null = ownArea(latest as VaultContents, areas, device, await label(), now());
    let seq = Math.max(before.seq, writtenSeq(items, device));
    let remove: string[] = [];
    if (area) {
      seq += 1;
      Object.assign(set, await encodeArea(area, key, local.keyId, seq));
      remove = staleAreaKeys(items, device, set);
      devices[device] = { label: area.label, at: area.at };
    }
    const after: Record<string, unknown> = { ...items, ...set };
    for (const name of remove) delete after[name];
    const shown = notices(problems, devices, device);
    if (!fits(after)) {
      await saveState({
        devices,
        notices: shown,
        bytes: syncBytes(items),
        paused: { reason: 'quota', bytes: syncBytes(after), quota: SYNC_QUOTA.total },
      });
      return;
    }
    if (Object.keys(set).length || remove.length) {
      if (!sameEpoch(since)) return;
      // The seq is kept before the write: a worker stopped between the two never reuses it.
      await saveState({ seq });
      try {
        await writeSynced(set, remove);
      } catch (error) {
        if (!(error instanceof ServiceError) || error.code !== 'storage-full') throw error;
        await saveState({
          devices,
          notices: shown,
          paused: { reason: 'quota', bytes: syncBytes(after), quota: SYNC_QUOTA.total },
        });
        return;
      }
      schedule.burst();
    }
    await saveState({ lastSyncedAt: now(), seq, devices, bytes: syncBytes(after), notices: shown, paused: undefined });
  }

  /** Runs a round now, logging instead of throwing (alarms, unlock, other devices' changes). */
  function runQuietly(): void {
    void oneAtATime(syncOnce).catch((error: unknown) => console.error('Sync failed', error));
  }

  async function status(): Promise<SyncStatus> {
    const [current, device] = await Promise.all([state(), syncDeviceItem.getValue()]);
    const bytes = current.enabled ? syncBytes(await readSynced()) : 0;
    // This device is listed from the start, even before it has an area of its own.
    const seen = { ...current.devices };
    if (current.enabled && device && !seen[device])
      seen[device] = { label: await label(), at: current.lastSyncedAt ?? 0 };
    return {
      enabled: current.enabled,
      lastSyncedAt: current.lastSyncedAt ?? null,
      devices: Object.entries(seen)
        .map(([id, seen]) => ({ device: id, label: seen.label, lastSeen: seen.at, self: id === device }))
        .sort((a, b) => Number(b.self) - Number(a.self) || b.lastSeen - a.lastSeen),
      bytes,
      quota: SYNC_QUOTA.total,
      ...(current.paused ? { paused: current.paused } : {}),
      notices: current.notices,
    };
  }

  /** What the vault service asks of sync (vault-service.ts, VaultSync). */
  const vaultSync: VaultSync = {
    hasSyncedVault,

    async join(passphrase) {
      if (await store.exists()) throw new ServiceError('vault-exists', 'A vault already exists.');
      const items = await readSynced();
      if (items[HEADER_KEY] === undefined)
        throw new ServiceError('no-vault', 'No synced vault was found in this browser account.');
      // A damaged header, or one from a newer Tessera, is refused with the core's own words.
      const synced = await decodeSyncHeader(items[HEADER_KEY]).catch((error: unknown) => {
        if (!(error instanceof SyncError)) throw error;
        throw new ServiceError(error.code === 'sync-newer' ? 'unsupported-version' : 'vault-damaged', error.message);
      });
      const { wrapped } = synced;
      // A wrong passphrase stops here, as at unlock: nothing is written.
      const { dataKey, wrapper } = await unlockWrappedKey(wrapped, passphrase);
      const device = await deviceId();
      const { areas, problems } = await decodeAreas(items, dataKey, synced.keyId);
      // This device's own area too: joining again after an erase brings back what only it held.
      const contents = mergeAreas(startSync(emptyContents(), device, now()), areas, device, now()).contents;
      const unlocked = await store.adopt(dataKey, wrapped, wrapper, contents);
      const devices = Object.fromEntries(areas.map((area) => [area.device, { label: area.label, at: area.at }]));
      await saveState({
        enabled: true,
        seq: writtenSeq(items, device),
        devices,
        notices: notices(problems, devices, device),
        lastSyncedAt: now(),
        paused: undefined,
      });
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15 });
      return unlocked;
    },

    async unlockSynced(passphrase): Promise<Unlocked | null> {
      if (!(await state()).enabled) return null;
      const items = await readSynced();
      const [synced, local] = await Promise.all([syncedHeader(items[HEADER_KEY]), localHeader()]);
      if (synced === null || local === null || synced.keyId === local.keyId) return null;
      const { wrapped } = synced;
      // Not the synced vault's passphrase: the local one may still be this device's old one.
      const opened = await unlockWrappedKey(wrapped, passphrase).catch(onlyWrongPassphrase);
      if (opened === null) return null;
      // The old key from `t.p`; or, when it does not lead back to this vault's key (two changes
      // missed, or P -> X -> P), this vault's own key if the same passphrase opens it too.
      const oldKey =
        (await decodePreviousKey(items[PREVIOUS_KEY], local.keyId, opened.dataKey, synced.keyId)) ??
        (await store.unlock(passphrase).then(({ key }) => key, onlyWrongPassphrase));
      if (oldKey === null)
        throw new ServiceError(
          'wrong-passphrase',
          "That is the synced vault's new passphrase, but this device missed more than one change: " +
            "unlock with this device's previous passphrase.",
        );
      // Settings that turn a protection off were signed under the old key: sign them again.
      const stored = await settingsItem.getValue();
      const { mac, ...settings } = stored ?? {};
      const signed = stored && (await verifySettings(settings as never, mac, oldKey));
      const unlocked = await store.rekey(oldKey, opened.dataKey, wrapped, opened.wrapper);
      if (signed) await writeSettings(settings as never, opened.dataKey);
      await saveState({ paused: undefined });
      return unlocked;
    },

    async erased() {
      schedule.cancel();
      await saveState({ ...NO_STATE, devices: {}, notices: [], lastSyncedAt: undefined, paused: undefined });
      await browser.alarms.clear(SYNC_ALARM);
    },

    unlocked() {
      // Queued behind the answer's own work: the popup has its status before sync reads anything.
      runQuietly();
    },

    async beforeRotate() {
      rotatingFrom = undefined;
      if (!(await state()).enabled) return;
      rotatingFrom = (await localHeader())?.keyId;
      // Everything the other devices wrote under the old key is merged before that key goes.
      await oneAtATime(syncOnce).catch((error: unknown) => console.error('Sync before the key change failed', error));
    },

    async rotated(oldKey: Key, newKey: Key) {
      const from = rotatingFrom;
      rotatingFrom = undefined;
      if (!(await state()).enabled || from === undefined) return;
      const local = await localHeader();
      if (local === null) return;
      await writeSynced({
        [HEADER_KEY]: local.value,
        [PREVIOUS_KEY]: await encodePreviousKey(oldKey, from, newKey, local.keyId),
      });
      await oneAtATime(syncOnce);
    },
  };

  return {
    vaultSync,
    status,

    /** Turns sync on: publishes this vault's key header, or refuses when another vault's is there. */
    async enable(): Promise<SyncStatus> {
      const key = await requireKey();
      const local = await localHeader();
      if (local === null) throw new ServiceError('no-vault', 'There is no vault yet.');
      const existing = (await readSynced())[HEADER_KEY];
      if (existing !== undefined) {
        const synced = await syncedHeader(existing);
        if (synced?.keyId !== local.keyId)
          throw new ServiceError(
            'sync-other-vault',
            'This browser account already syncs another Tessera vault; nothing was changed. To use it here, ' +
              'erase this vault and join it, or stop syncing it on the other device and remove the synced copy.',
          );
      } else await writeSynced({ [HEADER_KEY]: local.value });
      const device = await deviceId();
      await store.update(
        key,
        (contents) => {
          if (!contents.sync) Object.assign(contents, startSync(contents, device, now()));
        },
        { stamp: false },
      );
      await saveState({ enabled: true, paused: undefined, notices: [] });
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15 });
      await oneAtATime(syncOnce);
      return status();
    },

    /** Turns sync off; local accounts stay. `removeSynced`: also removes every synced item (all devices'). */
    async disable(removeSynced: boolean): Promise<SyncStatus> {
      await requireKey();
      schedule.cancel();
      await saveState({ enabled: false, paused: undefined, notices: [], devices: {}, lastSyncedAt: undefined });
      await browser.alarms.clear(SYNC_ALARM);
      // The stamps stay, and edits keep being stamped while off: turned on again, this device's
      // edits and the others' meet with their real times, and no side overrides the other.
      if (removeSynced) await writeSynced({}, Object.keys(await readSynced()));
      return status();
    },

    /** Resolves once the rounds queued so far are done (tests, and the worker's own ordering). */
    settled(): Promise<void> {
      return queue.then(() => undefined);
    },

    /** Drops a scheduled upload (tests switching devices; disable does it too). */
    cancel(): void {
      schedule.cancel();
    },

    /** "Sync now": a round at once, whatever the debounce says. */
    async now(): Promise<SyncStatus> {
      await requireKey();
      schedule.cancel();
      await oneAtATime(syncOnce);
      return status();
    },

    /** The vault store's hooks: stamp every change of synced contents, then schedule the upload. */
    storeHooks: {
      async stamp(before, after) {
        stampChanges(before as VaultContents, after, await deviceId(), now());
      },
      written() {
        schedule.changed();
      },
    } satisfies Parameters<VaultStore['setSyncHooks']>[0],

    async onAlarm(alarm: { name: string }): Promise<void> {
      if (alarm.name === SYNC_ALARM) runQuietly();
    },

    /** Listens for other devices' writes (merged shortly after, while unlocked); keeps the alarm while on. */
    listen(): void {
      void state().then(async ({ enabled }) => {
        if (enabled && !(await browser.alarms.get(SYNC_ALARM)))
          await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15 });
      });
      onSyncedChanged((keys) => {
        void syncDeviceItem.getValue().then((device) => {
          if (device && keys.every((key) => isAreaKey(key, device))) return;
          schedule.changed(REMOTE_QUIET_MS);
        });
      });
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;

/**
 * A wrong passphrase is an answer (try the other key); anything else, such as the helper that runs
 * Argon2id failing, is an error the user must see, not "wrong passphrase".
 */
function onlyWrongPassphrase(error: unknown): null {
  if (error instanceof ServiceError && error.code === 'wrong-passphrase') return null;
  throw error;
}

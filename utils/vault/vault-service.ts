/**
 * The vault's life cycle as the rest of Tessera sees it: create, unlock, lock, change the
 * passphrase, reset, settings. The unlocked data key lives in storage.session (session-key.ts);
 * the accounts inside are accounts-service.ts's.
 */
import { isLongEnough, MIN_PASSPHRASE_LENGTH } from '../core/vault/passphrase-strength';
import { ServiceError } from '../core/internal/service-error';
import { MAX_CLOCK_OFFSET_MS } from '../core/clock/clock-offset';
import { AUTO_LOCK_CHOICES, THEMES, type Settings } from '../core/vault/settings';
import { RESET_CONFIRMATION, type VaultStatus } from '../core/vault/vault-status';
import { checkedSettings, readSettings, updateSettings as updateStoredSettings, writeSettings } from './settings-item';
import { safeSettings } from '../core/vault/settings-mac';
import { dropKey, isUnlocked, keepKey, requireKey, sessionKey } from './session-key';
import type { Unlocked, VaultStore } from './vault-store';
import { lockEpoch, nextLockEpoch } from './lock-epoch';
import { pendingFillItem } from '../fill/pending-fill-item';
import { pendingScanItem } from '../preview/pending-scan-item';
import type { AutoLock } from './auto-lock';
import { announceLock } from '../background/announce';

type Key = Uint8Array<ArrayBuffer>;

/** What sync (utils/sync/sync-service.ts) adds to the vault's life cycle (issue 17). */
export interface VaultSync {
  /** Whether storage.sync holds a synced vault: asked only when there is no local one. */
  hasSyncedVault(): Promise<boolean>;
  /** Opens the synced key header with the passphrase and makes the local vault under it, filled by a merge. */
  join(passphrase: string): Promise<Unlocked>;
  /**
   * Tried first at unlock: when another device changed the passphrase (a new synced key) and this
   * passphrase opens it, the local vault is re-keyed under it; null to unlock as usual.
   */
  unlockSynced(passphrase: string): Promise<Unlocked | null>;
  /** Unlocked (the answer is on its way): a sync round follows. */
  unlocked(): void;
  /** Around a passphrase change, which rotates the data key the synced copy shares. */
  beforeRotate(): Promise<void>;
  rotated(oldKey: Key, newKey: Key): Promise<void>;
  /** The local vault was erased: this browser no longer syncs (the synced copy stays for the others). */
  erased(): Promise<void>;
}

export interface VaultServiceDeps {
  store: VaultStore;
  autoLock: Pick<AutoLock, 'touch' | 'stop'>;
  /** The clock for when the passphrase was typed (re-authentication). */
  now?: () => number;
  /** What else "Erase everything" erases: copies of the vault kept elsewhere in this browser. */
  onReset?: () => Promise<void>;
  /** After a passphrase change: copies of the vault under the old passphrase are made again. */
  onPassphraseChanged?: () => Promise<void>;
  sync?: VaultSync;
}

function checkNewPassphrase(passphrase: string): void {
  if (!isLongEnough(passphrase))
    throw new ServiceError('weak-passphrase', `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`);
}

export function createVaultService({
  store,
  autoLock,
  now = Date.now,
  sync,
  onReset,
  onPassphraseChanged,
}: VaultServiceDeps) {
  /** Copies under the old passphrase are made again; the change itself stands whatever happens to them. */
  async function passphraseChanged(): Promise<void> {
    await onPassphraseChanged?.().catch((error: unknown) => console.error('After the passphrase change', error));
  }

  async function status(): Promise<VaultStatus> {
    // Asked together: the popup waits for this answer before it shows anything.
    const [{ settings, ignored }, exists, key] = await Promise.all([checkedSettings(), store.exists(), sessionKey()]);
    // No local vault (first run): a synced one may be joined. An existing vault never asks storage.sync.
    if (!exists)
      return { state: 'new', restored: false, settings, ...((await sync?.hasSyncedVault()) ? { synced: true } : {}) };
    if (key === null) return { state: 'locked', restored: false, settings };
    const { restored, rolledBack } = await store.read(key);
    return {
      state: 'unlocked',
      restored,
      ...(rolledBack ? { rolledBack } : {}),
      ...(ignored ? { settingsIgnored: true } : {}),
      settings,
    };
  }

  async function unlocked({ key, backup }: Unlocked): Promise<VaultStatus> {
    await keepKey(key, backup, { unlockedAt: now() });
    await autoLock.touch({ force: true });
    const answer = await status();
    sync?.unlocked();
    return answer;
  }

  async function lock(): Promise<VaultStatus> {
    // First, before any await: work in flight sees the lock and keeps nothing (lock-epoch.ts).
    nextLockEpoch();
    store.forget();
    await dropKey();
    // A scan waiting for confirmation holds secrets too.
    await pendingScanItem.removeValue();
    // A fill waiting for a choice names accounts; one asked for while locked waits for the unlock.
    if ((await pendingFillItem.getValue())?.locked !== true) await pendingFillItem.removeValue();
    await autoLock.stop();
    await announceLock();
    return status();
  }

  return {
    status,
    lock,
    /** Counts as activity for auto-lock, while unlocked. */
    async touch(): Promise<void> {
      if (await isUnlocked()) await autoLock.touch();
    },
    async create(passphrase: string): Promise<VaultStatus> {
      checkNewPassphrase(passphrase);
      return unlocked(await store.create(passphrase));
    },
    async unlock(passphrase: string): Promise<VaultStatus> {
      // Re-keyed to the synced vault's new passphrase: as after a change made here.
      const rekeyed = await sync?.unlockSynced(passphrase);
      const answer = await unlocked(rekeyed ?? (await store.unlock(passphrase)));
      if (rekeyed) await passphraseChanged();
      return answer;
    },
    /** Makes this browser's vault from the synced one (issue 17); a wrong passphrase writes nothing. */
    async join(passphrase: string): Promise<VaultStatus> {
      if (!sync) throw new ServiceError('no-vault', 'No synced vault was found in this browser account.');
      return unlocked(await sync.join(passphrase));
    },
    /** Rotates the data key (vault-store.ts) and keeps the new one in the session. */
    async changePassphrase(current: string, next: string): Promise<void> {
      checkNewPassphrase(next);
      const since = lockEpoch();
      // Verified under the old key, signed again under the new one.
      const { settings } = await checkedSettings();
      const oldKey = await requireKey();
      await sync?.beforeRotate();
      const rotated = await store.changePassphrase(oldKey, current, next);
      // From here the vault opens with the new passphrase only, whatever comes next.
      await writeSettings(settings, rotated.key);
      try {
        await keepKey(rotated.key, rotated.backup, { since, unlockedAt: now() });
      } catch (error) {
        if (!(error instanceof ServiceError) || error.code !== 'locked') throw error;
        throw new ServiceError(
          'locked',
          'Tessera locked while the passphrase was being changed. The change was made: unlock with the new passphrase.',
        );
      }
      await sync?.rotated(oldKey, rotated.key);
      await passphraseChanged();
    },
    async reset(confirmation: string): Promise<VaultStatus> {
      if (confirmation !== RESET_CONFIRMATION)
        throw new ServiceError('invalid-input', `Type ${RESET_CONFIRMATION} to confirm.`);
      await store.reset();
      await sync?.erased();
      await onReset?.();
      // The next vault has another key: protections turned off now would not verify under it.
      await writeSettings(safeSettings(await readSettings()));
      return lock();
    },
    async updateSettings(changes: Partial<Settings>): Promise<Settings> {
      const { autoLockMinutes, theme, hideCodes, clearClipboard, clockOffsetMs, showIcons } = changes;
      if (autoLockMinutes !== undefined && !(AUTO_LOCK_CHOICES as readonly number[]).includes(autoLockMinutes)) {
        throw new ServiceError('invalid-input', 'Choose one of the offered auto-lock times.');
      }
      if (theme !== undefined && !THEMES.includes(theme))
        throw new ServiceError('invalid-input', 'Choose light, dark or system.');
      for (const [name, value] of Object.entries({ hideCodes, clearClipboard, showIcons })) {
        if (value !== undefined && typeof value !== 'boolean')
          throw new ServiceError('invalid-input', `${name} must be true or false.`);
      }
      if (
        clockOffsetMs !== undefined &&
        !(Number.isSafeInteger(clockOffsetMs) && Math.abs(clockOffsetMs) <= MAX_CLOCK_OFFSET_MS)
      )
        throw new ServiceError('invalid-input', 'The clock correction must be a whole number of ms, at most a day.');
      const known = Object.fromEntries(
        Object.entries({ autoLockMinutes, theme, hideCodes, clearClipboard, clockOffsetMs, showIcons }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      const settings = await updateStoredSettings(known);
      if (await isUnlocked()) await autoLock.touch({ force: true });
      return settings;
    },
  };
}

export type VaultService = ReturnType<typeof createVaultService>;

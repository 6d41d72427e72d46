/**
 * The vault as the rest of Tessera sees it: create, unlock, lock, change the passphrase, reset,
 * and the accounts inside. It alone holds the unlocked data key (in storage.session) and hands
 * out codes, never secrets.
 */
import type { Account } from './core/account';
import { fromBase64, toBase64 } from './core/bytes';
import { generateCode, secondsRemaining } from './core/otp';
import { parseOtpauthUri } from './core/otpauth-uri';
import { MIN_PASSPHRASE_LENGTH } from './core/passphrase-strength';
import { validateAccount } from './core/validate-account';
import type { VaultEntry } from './core/vault-contents';
import { VaultError } from './core/vault-error';
import { AUTO_LOCK_CHOICES, settingsItem, type Settings } from './settings-item';
import { sessionKeyItem } from './vault-items';
import type { VaultStore } from './vault-store';
import type { AutoLock } from './auto-lock';

export type VaultState = 'new' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  /** Set when the newest copy was unreadable and the previous one is in use. */
  restored: boolean;
  settings: Settings;
}

/** What the popup may know about an account: everything but the secret. */
export type AccountView = Omit<Account, 'secret'> & { id: string; code: string; remaining: number | null };

export const RESET_CONFIRMATION = 'DELETE';

export interface VaultServiceDeps {
  store: VaultStore;
  autoLock: Pick<AutoLock, 'touch' | 'stop'>;
  now?: () => number;
}

export function createVaultService({ store, autoLock, now = Date.now }: VaultServiceDeps) {
  async function key(): Promise<Uint8Array<ArrayBuffer>> {
    const stored = await sessionKeyItem.getValue();
    if (stored === null) throw new VaultError('locked', 'Tessera is locked.');
    return fromBase64(stored);
  }

  async function unlocked(dataKey: Uint8Array<ArrayBuffer>): Promise<VaultStatus> {
    await sessionKeyItem.setValue(toBase64(dataKey));
    await autoLock.touch();
    return status();
  }

  async function status(): Promise<VaultStatus> {
    const settings = await settingsItem.getValue();
    if (!(await store.exists())) return { state: 'new', restored: false, settings };
    if ((await sessionKeyItem.getValue()) === null) return { state: 'locked', restored: false, settings };
    return { state: 'unlocked', restored: (await store.read(await key())).restored, settings };
  }

  function view(entry: VaultEntry, at: number): AccountView {
    const { secret: _secret, ...rest } = entry.account; // never leaves the background
    return { ...rest, id: entry.id, code: generateCode(entry.account, at), remaining: entry.account.type === 'hotp' ? null : secondsRemaining(entry.account, at) };
  }

  function find(entries: VaultEntry[], id: unknown): VaultEntry {
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) throw new VaultError('not-found', 'That account no longer exists.');
    return entry;
  }

  async function lock(): Promise<VaultStatus> {
    await sessionKeyItem.removeValue();
    store.forget();
    await autoLock.stop();
    return status();
  }

  return {
    status,
    lock,
    /** Counts as activity for auto-lock, while unlocked. */
    async touch(): Promise<void> {
      if ((await sessionKeyItem.getValue()) !== null) await autoLock.touch();
    },
    async create(passphrase: string): Promise<VaultStatus> {
      if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
        throw new VaultError('weak-passphrase', `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`);
      }
      return unlocked(await store.create(passphrase));
    },
    async unlock(passphrase: string): Promise<VaultStatus> {
      return unlocked(await store.unlock(passphrase));
    },
    async changePassphrase(current: string, next: string): Promise<void> {
      if ([...next].length < MIN_PASSPHRASE_LENGTH) throw new VaultError('weak-passphrase', `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`);
      await store.changePassphrase(await key(), current, next);
    },
    async reset(confirmation: string): Promise<VaultStatus> {
      if (confirmation !== RESET_CONFIRMATION) throw new VaultError('invalid-input', `Type ${RESET_CONFIRMATION} to confirm.`);
      await store.reset();
      return lock();
    },
    async updateSettings(changes: Partial<Settings>): Promise<Settings> {
      const minutes = changes.autoLockMinutes;
      if (minutes !== undefined && !(AUTO_LOCK_CHOICES as readonly number[]).includes(minutes)) {
        throw new VaultError('invalid-input', 'Choose one of the offered auto-lock times.');
      }
      const settings = { ...(await settingsItem.getValue()), ...(minutes === undefined ? {} : { autoLockMinutes: minutes }) };
      await settingsItem.setValue(settings);
      if ((await sessionKeyItem.getValue()) !== null) await autoLock.touch();
      return settings;
    },
    async listAccounts(): Promise<AccountView[]> {
      const at = now();
      return (await store.read(await key())).contents.entries.map((entry) => view(entry, at));
    },
    /** Adds an account given as an object or an `otpauth://` URI; returns its id. */
    async addAccount(input: { account?: unknown; uri?: unknown }): Promise<string> {
      const account = typeof input.uri === 'string' ? parseOtpauthUri(input.uri) : validateAccount(input.account);
      const id = crypto.randomUUID();
      await store.update(await key(), (contents) => void contents.entries.push({ id, account, addedAt: now() }));
      return id;
    },
    async updateAccount(id: string, changes: Partial<Account>): Promise<void> {
      await store.update(await key(), (contents) => {
        const entry = find(contents.entries, id);
        entry.account = validateAccount({ ...entry.account, ...changes });
      });
    },
    async removeAccount(id: string): Promise<void> {
      await store.update(await key(), (contents) => {
        contents.entries.splice(contents.entries.indexOf(find(contents.entries, id)), 1);
      });
    },
  };
}

export type VaultService = ReturnType<typeof createVaultService>;

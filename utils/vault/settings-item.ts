/** Where the settings are stored, and how they are read with defaults (worker only). */
import { defineItem } from '../background/stored-item';
import { DEFAULT_SETTINGS, normalisedSettings, type Settings } from '../core/vault/settings';
import { safeSettings, signSettings, verifySettings, weakens } from '../core/vault/settings-mac';
import { ServiceError } from '../core/internal/service-error';
import { sessionKey } from './session-key';

/** The settings, and the MAC of those that weaken protection (core/vault/settings-mac.ts). */
export type StoredSettings = Settings & { mac?: string };

/** Unversioned: the `version: 1` WXT's item once carried had no migrations, so it never wrote one. */
export const settingsItem = defineItem<StoredSettings>('local:settings', { fallback: DEFAULT_SETTINGS });

/**
 * The stored record, each field checked (normalisedSettings: a stored `"0"` or `null` is not
 * "never lock"), and its MAC, not yet verified.
 */
async function storedSettings(): Promise<{ settings: Settings; mac?: string }> {
  const stored: unknown = await settingsItem.getValue();
  const mac = (stored as { mac?: unknown } | null)?.mac;
  return { settings: normalisedSettings(stored), ...(typeof mac === 'string' ? { mac } : {}) };
}

/**
 * Stored settings with defaults for anything an older version did not store. A setting that turns
 * a protection off counts only with a MAC that verifies under the unlocked data key; otherwise the
 * safe default applies, and `ignored` says so (while unlocked: locked, nothing can be verified).
 */
export async function checkedSettings(): Promise<{ settings: Settings; ignored: boolean }> {
  const { settings, mac } = await storedSettings();
  if (!weakens(settings)) return { settings, ignored: false };
  const key = await sessionKey();
  if (key && (await verifySettings(settings, mac, key))) return { settings, ignored: false };
  return { settings: safeSettings(settings), ignored: key !== null };
}

/**
 * Changes some settings of the stored record. A change that leaves the protected fields alone
 * keeps their MAC, so a theme changed while locked keeps a signed "auto-lock off" (it is verified on read);
 * turning a protection off needs the unlocked data key (writeSettings).
 */
export async function updateSettings(changes: Partial<Settings>): Promise<Settings> {
  const { settings: before, mac } = await storedSettings();
  const settings = { ...before, ...changes };
  const protectionUntouched = changes.autoLockMinutes === undefined && changes.clearClipboard === undefined;
  if (weakens(settings) && protectionUntouched && mac !== undefined) await settingsItem.setValue({ ...settings, mac });
  else await writeSettings(settings);
  return readSettings();
}

export async function readSettings(): Promise<Settings> {
  return (await checkedSettings()).settings;
}

/**
 * Stores `settings`, with a MAC under the unlocked data key (or `dataKey`: a passphrase change's
 * new one) when they weaken a protection.
 */
export async function writeSettings(settings: Settings, dataKey?: Uint8Array<ArrayBuffer>): Promise<void> {
  if (!weakens(settings)) return settingsItem.setValue(settings);
  const key = dataKey ?? (await sessionKey());
  if (key === null) throw new ServiceError('locked', 'Unlock Tessera to turn a protection off.');
  await settingsItem.setValue({ ...settings, mac: await signSettings(settings, key) });
}

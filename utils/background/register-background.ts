/**
 * The background's wiring: builds the services, answers every message through one router, and
 * adds the listeners for auto-lock's, the clipboard's and sync's alarms, storage.sync's changes,
 * the keyboard commands, the context menu items, and the start-up checks. Listeners are added synchronously, as MV3
 * requires for events that wake the worker.
 */
import { browser, type Browser } from 'wxt/browser';
import { accountsHandlers } from '../accounts/accounts-handlers';
import { createAccountsService } from '../accounts/accounts-service';
import { clockHandlers } from '../clock/clock-handlers';
import { clockStateItem } from '../clock/clock-items';
import { createClockService } from '../clock/clock-service';
import { probeDate } from '../clock/probe-date';
import { clipboardHandlers } from '../clipboard/clipboard-handlers';
import { createClipboardGuard } from '../clipboard/clipboard-guard';
import { createBackgroundHelper } from '../helper/background-helper';
import { helperArgon2id } from '../helper/helper-argon2id';
import { setArgon2id } from '../core/vault/vault-crypto';
import { createFillHandlers } from '../fill/fill-handlers';
import { createFillService } from '../fill/fill-service';
import { createIconCapture } from '../fill/capture-site-icon';
import { createSiteResolver } from '../fill/site-resolver';
import { createMessageRouter, type Handlers } from '../messaging/message-router';
import { previewHandlers } from '../preview/preview-handlers';
import { createPreviewService } from '../preview/preview-service';
import { createBackgroundScan } from '../scan/background-scan';
import { scanHandlers } from '../scan/scan-handlers';
import { createAutoBackup, forgetAutoBackups } from '../transfer/auto-backup';
import { backupHandlers, lastBackupItem } from '../transfer/backup-handlers';
import { exportHandlers } from '../transfer/export-handlers';
import { importHandlers } from '../transfer/import-handlers';
import { createAutoLock, idleStateNow } from '../vault/auto-lock';
import { settingsHandlers } from '../vault/settings-handlers';
import { readSettings } from '../vault/settings-item';
import { vaultHandlers } from '../vault/vault-handlers';
import { createVaultService } from '../vault/vault-service';
import { createVaultStore } from '../vault/vault-store';
import { syncHandlers } from '../sync/sync-handlers';
import { createSyncService } from '../sync/sync-service';
import { registerContextMenus, type MenuListener } from './register-context-menus';
import { restrictSessionStorage } from './restrict-session-storage';
import { readAtWake } from './wake-reads';
import { lastActivityItem, sessionKeyItem, vaultItem } from '../vault/vault-items';
import { settingsItem } from '../vault/settings-item';
import { syncStateItem } from '../sync/sync-items';
import { pendingScanItem } from '../preview/pending-scan-item';
import { pendingFillItem } from '../fill/pending-fill-item';
import { scanRequestItem } from '../scan/scan-items';

export const LOCK_COMMAND = 'lock-vault';
export const SCAN_COMMAND = 'scan-qr';
export const FILL_COMMAND = 'fill-code';

export type CommandListener = (command: string, tab?: Browser.tabs.Tab) => void;

/**
 * Returns the command and menu listeners, so the e2e build can press a shortcut or choose a menu
 * item (tests cannot).
 */
export function registerBackground(): { onCommand: CommandListener; onMenuClick: MenuListener } {
  // First: one read per area for the start-up checks and what the popup asks on opening
  // (vault.status, accounts.list, clock.warning, scan.resume, fill.pending), kept until changed.
  readAtWake([
    sessionKeyItem.key,
    lastActivityItem.key,
    clockStateItem.key,
    pendingScanItem.key,
    scanRequestItem.key,
    pendingFillItem.key,
    vaultItem.key,
    settingsItem.key,
    syncStateItem.key,
  ]);
  const idleAtWake = idleStateNow();
  // Work only some actions need runs in the helper, loaded when they run (issue 19): Argon2id,
  // QR decoding, import parsing and export writing.
  const helper = createBackgroundHelper();
  setArgon2id(helperArgon2id(helper));
  const autoLock = createAutoLock({ lock: async () => void (await vault.lock()) });
  const store = createVaultStore();
  const sync = createSyncService({ store });
  store.setSyncHooks(sync.storeHooks);
  const vault = createVaultService({
    store,
    autoLock,
    sync: sync.vaultSync,
    onReset: forgetAutoBackups,
    onPassphraseChanged: () => autoBackup.passphraseChanged(),
  });
  const clipboard = createClipboardGuard();
  const clock = createClockService({
    probe: probeDate,
    state: clockStateItem,
    correction: async () => (await readSettings()).clockOffsetMs,
    setCorrection: (clockOffsetMs) => vault.updateSettings({ clockOffsetMs }),
  });
  // Public-suffix lookups (tldts) run in the helper, asked only when an answer depends on them.
  const sites = createSiteResolver({ helper });
  const accounts = createAccountsService({
    store,
    clockOffset: async () => (await readSettings()).clockOffsetMs,
    sites,
  });
  const previews = createPreviewService({ accounts });
  const scanning = createBackgroundScan(previews, helper, clock);
  // Firefox has no favicon API for extensions: it keeps the icon of a site an account is filled on.
  const icons =
    import.meta.env.BROWSER === 'firefox'
      ? createIconCapture({ accounts, showIcons: async () => (await readSettings()).showIcons })
      : undefined;
  // Automatic backups watch the stored vault and the unlock themselves (utils/transfer/auto-backup.ts).
  const autoBackup = createAutoBackup({ store, noteBackup: (at) => lastBackupItem.setValue({ at }) });
  autoBackup.watch();
  const filling = createFillHandlers(createFillService({ accounts, sites, clock, icons }), accounts, sites);
  // Typed as Handlers: a message without a handler does not compile.
  const handlers: Handlers = {
    ...vaultHandlers(vault),
    ...settingsHandlers(vault),
    ...clockHandlers(clock),
    ...accountsHandlers(accounts),
    ...clipboardHandlers(clipboard),
    ...scanHandlers(previews, helper, clock),
    ...previewHandlers(previews),
    ...filling.handlers,
    ...importHandlers(previews, helper),
    ...backupHandlers(store, Date.now, { auto: autoBackup, previews, helper }),
    ...exportHandlers(store, accounts, helper),
    ...syncHandlers(sync),
  };
  const router = createMessageRouter(handlers, { onActivity: () => vault.touch() });

  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    void autoLock.onAlarm(alarm);
    void clipboard.onAlarm(alarm);
    void autoBackup.onAlarm(alarm);
    void sync.onAlarm(alarm);
  });
  sync.listen();
  const onCommand: CommandListener = (command, tab) => {
    if (command === LOCK_COMMAND) void vault.lock();
    if (command === SCAN_COMMAND && tab) void scanning.scanFromBackground(tab);
    if (command === FILL_COMMAND && tab) void filling.fillFromBackground(tab);
  };
  // Firefox for Android has no keyboard shortcuts (no `commands` API) and no context menus.
  browser.commands?.onCommand.addListener(onCommand);
  const onMenuClick = registerContextMenus({
    scanImage: scanning.scanImageFromMenu,
    fillField: filling.fillFromBackground,
  });
  void restrictSessionStorage().then(() => autoLock.check(idleAtWake));
  return { onCommand, onMenuClick };
}

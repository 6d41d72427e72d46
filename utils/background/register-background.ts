/**
 * Wires the vault into the service worker: the message router, auto-lock's alarm, the keyboard
 * commands, the context menu items, and the start-up checks. Listeners are added synchronously, as MV3 requires
 * for events that wake the worker.
 */
import { browser, type Browser } from 'wxt/browser';
import { createAutoLock } from '../vault/auto-lock';
import { createClipboardGuard } from '../clipboard/clipboard-guard';
import { createMessageRouter } from '../messaging/message-router';
import { restrictSessionStorage } from './session-access';
import { vaultHandlers } from '../vault/vault-handlers';
import { createScanHandlers } from '../scan/scan-handlers';
import { importHandlers } from '../transfer/import-handlers';
import { backupHandlers } from '../transfer/backup-handlers';
import { exportHandlers } from '../transfer/export-handlers';
import { createScanService } from '../preview/preview-service';
import { createFillHandlers } from '../fill/fill-handlers';
import { registerContextMenus, type MenuListener } from './context-menus';
import { createFillService } from '../fill/fill-service';
import { createAccountsService } from '../accounts/accounts-service';
import { createVaultService } from '../vault/vault-service';
import { createVaultStore } from '../vault/vault-store';

export const LOCK_COMMAND = 'lock-vault';
export const SCAN_COMMAND = 'scan-qr';
export const FILL_COMMAND = 'fill-code';

export type CommandListener = (command: string, tab?: Browser.tabs.Tab) => void;

/** Returns the command and menu listeners, so the e2e build can press a shortcut or choose a menu item (tests cannot). */
export function registerVault(): { onCommand: CommandListener; onMenuClick: MenuListener } {
  const autoLock = createAutoLock({ lock: async () => void (await vault.lock()) });
  const store = createVaultStore();
  const vault = createVaultService({ store, autoLock });
  const clipboard = createClipboardGuard();
  const accounts = createAccountsService({ store });
  const scans = createScanService({ accounts });
  const scanning = createScanHandlers(scans);
  const filling = createFillHandlers(createFillService({ accounts }), accounts);
  const handlers = {
    ...vaultHandlers(vault, accounts, clipboard),
    ...scanning.handlers,
    ...filling.handlers,
    ...importHandlers(scans),
    ...backupHandlers(store),
    ...exportHandlers(store, accounts),
  };
  const router = createMessageRouter(handlers, { onActivity: () => vault.touch() });

  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    void autoLock.onAlarm(alarm);
    void clipboard.onAlarm(alarm);
  });
  const onCommand: CommandListener = (command, tab) => {
    if (command === LOCK_COMMAND) void vault.lock();
    if (command === SCAN_COMMAND && tab) void scanning.scanFromBackground(tab);
    if (command === FILL_COMMAND && tab) void filling.fillFromBackground(tab);
  };
  browser.commands.onCommand.addListener(onCommand);
  const onMenuClick = registerContextMenus({
    scanImage: scanning.scanImageFromMenu,
    fillField: filling.fillFromBackground,
  });
  void restrictSessionStorage().then(() => autoLock.check());
  return { onCommand, onMenuClick };
}

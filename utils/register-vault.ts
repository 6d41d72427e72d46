/**
 * Wires the vault into the service worker: the message router, auto-lock's alarm, the lock
 * keyboard command, and the start-up checks. Listeners are added synchronously, as MV3 requires
 * for events that wake the worker.
 */
import { browser } from 'wxt/browser';
import { createAutoLock } from './auto-lock';
import { createClipboardGuard } from './clipboard-guard';
import { createMessageRouter } from './message-router';
import { restrictSessionStorage } from './session-access';
import { vaultHandlers } from './vault-handlers';
import { createScanHandlers, type ScanHandlers } from './scan-handlers';
import { createScanService } from './scan-service';
import { fillHandlers } from './fill-handlers';
import { createFillService } from './fill-service';
import { createAccountsService } from './accounts-service';
import { createVaultService } from './vault-service';
import { createVaultStore } from './vault-store';

export const LOCK_COMMAND = 'lock-vault';
export const SCAN_COMMAND = 'scan-qr';

export function registerVault(): { scanning: ScanHandlers } {
  const autoLock = createAutoLock({ lock: async () => void (await vault.lock()) });
  const store = createVaultStore();
  const vault = createVaultService({ store, autoLock });
  const clipboard = createClipboardGuard();
  const accounts = createAccountsService({ store });
  const scanning = createScanHandlers(createScanService({ accounts }));
  const handlers = { ...vaultHandlers(vault, accounts, clipboard), ...scanning.handlers, ...fillHandlers(createFillService({ accounts })) };
  const router = createMessageRouter(handlers, { onActivity: () => vault.touch() });

  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    void autoLock.onAlarm(alarm);
    void clipboard.onAlarm(alarm);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === LOCK_COMMAND) void vault.lock();
    if (command === SCAN_COMMAND && tab) void scanning.scanFromBackground(tab);
  });
  void restrictSessionStorage().then(() => autoLock.check());
  return { scanning };
}

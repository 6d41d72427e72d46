/** `settings.*`: only the known settings are passed on; the service checks each value. */
import type { Settings } from '../core/vault/settings';
import type { HandlersOf } from '../messaging/message-router';
import type { VaultService } from './vault-service';

export function settingsHandlers(vault: VaultService): HandlersOf<'settings'> {
  return {
    'settings.update': {
      from: 'extension',
      handle: (payload) => {
        const { autoLockMinutes, theme, hideCodes, clearClipboard, clockOffsetMs, showIcons } = (payload ??
          {}) as Partial<Settings>;
        return vault.updateSettings({ autoLockMinutes, theme, hideCodes, clearClipboard, clockOffsetMs, showIcons });
      },
    },
  };
}

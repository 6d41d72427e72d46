import { Lock, Plus, ScanQrCode, Settings } from 'lucide-preact';
import { t } from '../utils/i18n/i18n';
import type { PopupView } from '../utils/popup/popup-view';
import { IconButton } from './ui/IconButton';

interface Props {
  /** The vault's actions are shown only while it is unlocked. */
  unlocked: boolean;
  view: PopupView;
  setView: (view: PopupView) => void;
  onLock: () => void;
}

/** The popup's title bar with the unlocked vault's actions: scan, add, settings, lock. */
export function PopupHeader({ unlocked, view, setView, onLock }: Props) {
  const toggle = (name: 'add' | 'settings') => setView(view.name === name ? { name: 'list' } : { name });
  return (
    <header>
      <img src="/icon/32.png" alt="" />
      <h1>Tessera</h1>
      {unlocked && (
        <nav class="actions" aria-label={t('vaultActions')}>
          <IconButton
            icon={ScanQrCode}
            label={t('scanQr')}
            aria-pressed={view.name === 'scan'}
            onClick={() => setView({ name: 'scan', start: Date.now() })}
          />
          <IconButton
            icon={Plus}
            label={t('addAccount')}
            aria-pressed={view.name === 'add'}
            onClick={() => toggle('add')}
          />
          <IconButton
            icon={Settings}
            label={t('settings')}
            aria-pressed={view.name === 'settings'}
            onClick={() => toggle('settings')}
          />
          <IconButton icon={Lock} label={t('lockNow')} onClick={onLock} />
        </nav>
      )}
    </header>
  );
}

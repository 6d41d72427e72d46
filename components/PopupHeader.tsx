import { t } from '../utils/i18n/i18n';
import type { PopupView } from '../utils/popup/popup-view';

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
          <button
            type="button"
            aria-pressed={view.name === 'scan'}
            onClick={() => setView({ name: 'scan', start: Date.now() })}
          >
            {t('scanQr')}
          </button>
          <button type="button" aria-pressed={view.name === 'add'} onClick={() => toggle('add')}>
            {t('addAccount')}
          </button>
          <button type="button" aria-pressed={view.name === 'settings'} onClick={() => toggle('settings')}>
            {t('settings')}
          </button>
          <button type="button" onClick={onLock}>
            {t('lockNow')}
          </button>
        </nav>
      )}
    </header>
  );
}

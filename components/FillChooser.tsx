import { useLayoutEffect, useRef } from 'preact/hooks';
import type { AccountView } from '../utils/core/accounts/account-view';
import type { FillChoice } from '../hooks/useFill';
import { t } from '../utils/i18n/i18n';
import { accountName } from './AccountRow';
import { Dialog } from './ui/Dialog';
import { Button } from './ui/Button';

interface Props {
  choice: FillChoice;
  onChoose: (account: AccountView) => void;
  onClose: () => void;
}

/**
 * Which account to fill, when the keyboard command or the field menu found several for the page's
 * site, or none (then any account in the list below is the answer, asked about as a first fill).
 */
export function FillChooser({ choice: { site, matches }, onChoose, onClose }: Props) {
  // The first choice takes the focus; with none, the search box keeps it (type, then Enter fills).
  const first = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  return (
    <Dialog titleId="fill-chooser-title" textId="fill-chooser-text" class="fill-chooser">
      <h2 id="fill-chooser-title">{t('fillChooseTitle', site)}</h2>
      <p id="fill-chooser-text">{matches.length ? t('fillChooseSeveral', site) : t('fillChooseNone', site)}</p>
      {matches.length > 0 && (
        <ul class="choices">
          {matches.map((account, i) => (
            <li key={account.id}>
              <button type="button" ref={i === 0 ? first : undefined} onClick={() => onChoose(account)}>
                {accountName(account)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="buttons">
        <Button onClick={onClose}>{t('fillCancel')}</Button>
      </div>
    </Dialog>
  );
}

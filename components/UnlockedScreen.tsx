/** The unlocked popup's screens other than Settings: the list, add, scan, edit, and fill questions. */
import { useEffect } from 'preact/hooks';
import { useAccounts } from '../hooks/useAccounts';
import { useClock } from '../hooks/useClock';
import { useAccountActions } from '../hooks/useAccountActions';
import { useFill } from '../hooks/useFill';
import { useScanView } from '../hooks/useScanView';
import { useToast } from '../hooks/useToast';
import { t } from '../utils/i18n/i18n';
import type { PopupView } from '../utils/popup/popup-view';
import { AccountForm } from './AccountForm';
import { AccountsScreen } from './AccountsScreen';
import { ClockBanner } from './ClockBanner';
import { EditAccount } from './EditAccount';
import { FillChooser } from './FillChooser';
import { FillConfirm } from './FillConfirm';
import { PasteUri } from './PasteUri';
import { ScanPanel } from './ScanPanel';
import { Toast } from './Toast';

interface Props {
  view: PopupView;
  setView: (view: PopupView) => void;
  hideCodes: boolean;
  /** Settings' "Show site icons". */
  showIcons?: boolean;
  /** The settings changed here (the clock correction): the popup reads them again. */
  onSettingsChanged: () => void;
}

export function UnlockedScreen({ view, setView, hideCodes, showIcons = false, onSettingsChanged }: Props) {
  const { accounts, fetchedAt, error, reload } = useAccounts();
  const { toast, show } = useToast();
  const clock = useClock(() => {
    onSettingsChanged();
    void reload();
    show({ text: t('clockCorrected') });
  });
  // On the list (on opening, and back from a scan, whose clock check may have found something).
  useEffect(() => {
    if (view.name === 'list') void clock.refresh();
  }, [view.name]);
  const back = async () => {
    await reload();
    setView({ name: 'list' });
  };
  const scan = useScanView({ view, setView, back, show });
  const { fill, question, answer, choice, dismissChoice } = useFill({ accounts, show, afterFill: clock.refresh });
  const actions = useAccountActions({ reload, back, show, fill });
  const toList = () => setView({ name: 'list' });
  return (
    <>
      {view.name === 'add' && (
        <>
          <PasteUri onAdd={actions.addUri} />
          <AccountForm onSave={actions.add} onCancel={toList} />
        </>
      )}
      {view.name === 'scan' && (
        <ScanPanel
          state={scan.state}
          onScanPage={scan.scanPage}
          onSelectRegion={scan.selectRegion}
          onImage={scan.scanImage}
          onConfirm={scan.confirm}
          onCancel={scan.cancel}
        />
      )}
      {view.name === 'edit' && (
        <EditAccount
          account={view.account}
          onSave={(changes) => actions.update(view.account.id, changes)}
          onPin={(pinned) => void actions.pin(view.account.id, pinned)}
          onDelete={() => void actions.remove(view.account)}
          onClose={toList}
          loadUri={(proof) => actions.accountUri(view.account.id, proof)}
        />
      )}
      {question && <FillConfirm question={question} onAnswer={answer} />}
      {choice && !question && (
        <FillChooser choice={choice} onChoose={(account) => void actions.copy(account)} onClose={dismissChoice} />
      )}
      {view.name === 'list' && (
        <ClockBanner
          warning={clock.warning}
          onCorrect={() => void clock.correct()}
          onDismiss={() => void clock.dismiss()}
        />
      )}
      {view.name === 'list' && (
        <AccountsScreen
          accounts={accounts}
          fetchedAt={fetchedAt}
          error={error}
          hideCodes={hideCodes}
          showIcons={showIcons}
          onCopy={(account) => void actions.copy(account)}
          onNextHotp={(account) => void actions.nextHotp(account)}
          onEdit={(account) => setView({ name: 'edit', account })}
          onMove={(account, target) => void actions.move(account, target)}
        />
      )}
      <Toast toast={toast} />
    </>
  );
}

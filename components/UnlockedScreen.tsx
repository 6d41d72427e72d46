/** The unlocked popup's screens other than Settings: the list, add, scan, edit, and fill questions. */
import { useAccounts } from '../hooks/useAccounts';
import { useAccountActions } from '../hooks/useAccountActions';
import { useFill } from '../hooks/useFill';
import { useScanView } from '../hooks/useScanView';
import { useToast } from '../hooks/useToast';
import type { PopupView } from '../utils/popup/popup-view';
import { AccountForm } from './AccountForm';
import { AccountsScreen } from './AccountsScreen';
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
}

export function UnlockedScreen({ view, setView, hideCodes }: Props) {
  const { accounts, fetchedAt, error, reload } = useAccounts();
  const { toast, show } = useToast();
  const back = async () => {
    await reload();
    setView({ name: 'list' });
  };
  const scan = useScanView({ view, setView, back, show });
  const { fill, question, answer, choice, dismissChoice } = useFill({ accounts, show });
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
          loadUri={() => actions.accountUri(view.account.id)}
        />
      )}
      {question && <FillConfirm question={question} onAnswer={answer} />}
      {choice && !question && (
        <FillChooser choice={choice} onChoose={(account) => void actions.copy(account)} onClose={dismissChoice} />
      )}
      {view.name === 'list' && (
        <AccountsScreen
          accounts={accounts}
          fetchedAt={fetchedAt}
          error={error}
          hideCodes={hideCodes}
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

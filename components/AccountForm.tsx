import { useState } from 'preact/hooks';
import type { Account, OtpType } from '../utils/core/otp/account';
import type { AccountView } from '../utils/core/accounts/account-view';
import { t } from '../utils/i18n/i18n';
import { useSubmit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';
import { TextField } from './TextField';
import { Button } from './ui/Button';

interface Props {
  /** The account being edited; absent when adding. */
  editing?: AccountView;
  onSave: (changes: Partial<Account> & { type: OtpType }) => Promise<unknown>;
  onCancel: () => void;
}

/** Add an account by hand, or edit one. The secret is never shown: leave it blank to keep it. */
export function AccountForm({ editing, onSave, onCancel }: Props) {
  const [issuer, setIssuer] = useState(editing?.issuer ?? '');
  const [label, setLabel] = useState(editing?.label ?? '');
  const [secret, setSecret] = useState('');
  const [type, setType] = useState<OtpType>(editing?.type ?? 'totp');
  const [algorithm, setAlgorithm] = useState(editing?.algorithm ?? 'SHA1');
  const [digits, setDigits] = useState(String(editing?.digits ?? 6));
  const [period, setPeriod] = useState(String(editing && editing.type !== 'hotp' ? editing.period : 30));
  const [counter, setCounter] = useState(String(editing?.type === 'hotp' ? editing.counter : 0));
  const { error, busy, onSubmit } = useSubmit(() =>
    onSave({
      type,
      issuer,
      label,
      ...(secret || !editing ? { secret } : {}),
      algorithm: algorithm as Account['algorithm'],
      digits: type === 'steam' ? 5 : Number(digits),
      ...(type === 'hotp' ? { counter: Number(counter) } : { period: type === 'steam' ? 30 : Number(period) }),
    }),
  );
  const steam = type === 'steam';
  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby="account-form-title">
      <h2 id="account-form-title">{editing ? t('editAccount') : t('addAccountByHand')}</h2>
      <TextField label={t('fieldIssuer')} value={issuer} onInput={setIssuer} placeholder="GitHub" autoFocus />
      <TextField label={t('fieldLabel')} value={label} onInput={setLabel} placeholder="alice@example.com" />
      <TextField
        label={t('fieldSecret')}
        value={secret}
        onInput={setSecret}
        hint={editing ? t('secretKeepHint') : t('secretHint')}
        autoComplete="off"
        spellcheck={false}
      />
      <details
        open={Boolean(editing) && (type !== 'totp' || algorithm !== 'SHA1' || digits !== '6' || period !== '30')}
      >
        <summary>{t('advanced')}</summary>
        <div class="field">
          <label for="otp-type">{t('fieldType')}</label>
          <select id="otp-type" value={type} onChange={(event) => setType(event.currentTarget.value as OtpType)}>
            <option value="totp">{t('typeTotp')}</option>
            <option value="hotp">{t('typeHotp')}</option>
            <option value="steam">{t('typeSteam')}</option>
          </select>
        </div>
        {!steam && (
          <>
            <div class="field">
              <label for="otp-algorithm">{t('fieldAlgorithm')}</label>
              <select
                id="otp-algorithm"
                value={algorithm}
                onChange={(event) => setAlgorithm(event.currentTarget.value as Account['algorithm'])}
              >
                <option value="SHA1">SHA-1</option>
                <option value="SHA256">SHA-256</option>
                <option value="SHA512">SHA-512</option>
              </select>
            </div>
            <div class="field">
              <label for="otp-digits">{t('fieldDigits')}</label>
              <select id="otp-digits" value={digits} onChange={(event) => setDigits(event.currentTarget.value)}>
                {['6', '7', '8', '9', '10'].map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {type === 'totp' && (
          <TextField label={t('fieldPeriod')} value={period} onInput={setPeriod} inputMode="numeric" />
        )}
        {type === 'hotp' && (
          <TextField label={t('fieldCounter')} value={counter} onInput={setCounter} inputMode="numeric" />
        )}
      </details>
      <ErrorMessage message={error} />
      <div class="buttons">
        <Button onClick={onCancel}>{t('cancel')}</Button>
        <button type="submit" class="primary" disabled={busy}>
          {editing ? t('save') : t('addAccount')}
        </button>
      </div>
    </form>
  );
}

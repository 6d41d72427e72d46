import type { Reauth } from '../hooks/useReauth';
import { t } from '../utils/i18n/i18n';
import { PassphraseField } from './PassphraseField';

/** The vault passphrase, asked for when secrets are about to leave and the unlock is over a minute old. */
export function ReauthField({ reauth }: { reauth: Reauth }) {
  return reauth.needed ? (
    <PassphraseField
      label={t('reauthLabel')}
      value={reauth.passphrase}
      onInput={reauth.setPassphrase}
      autoComplete="current-password"
      autoFocus
      hint={t('reauthHint')}
    />
  ) : null;
}

import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { useReauth } from '../hooks/useReauth';
import { t } from '../utils/i18n/i18n';
import { ErrorMessage } from './ErrorMessage';
import { ReauthField } from './ReauthField';
import { Banner } from './ui/Banner';

type QrCodeComponent = FunctionComponent<{ text: string; label: string; size?: number }>;

/**
 * One account's QR code, to move it to another device: hidden until asked for (it shows the
 * secret to anyone who sees the screen), and over a minute after unlocking only once the vault
 * passphrase is typed again. The QR encoder loads only then, so the popup's own script stays small.
 */
export function AccountQr({
  name,
  loadUri,
}: {
  name: string;
  loadUri: (proof: { vaultPassphrase?: string }) => Promise<string>;
}) {
  const [shown, setShown] = useState(false);
  const [qr, setQr] = useState<{ uri: string; QrCode: QrCodeComponent }>();
  const [error, setError] = useState<string>();
  const reauth = useReauth();
  const load = () => {
    setError(undefined);
    void Promise.all([reauth.run(loadUri), import('./QrCode')]).then(
      ([uri, module]) => setQr({ uri, QrCode: module.QrCode }),
      (caught: Error) => setError(caught.message),
    );
  };
  // Once, when first shown: the parent hands a new loadUri on every render (a list reload), which
  // must not ask again.
  useEffect(() => {
    if (shown && !qr) load();
  }, [shown]);
  return (
    <div class="account-qr">
      <button type="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? t('hideQr') : t('showQr')}
      </button>
      {shown && (
        <>
          <Banner>{t('qrWarning')}</Banner>
          {reauth.needed && !qr && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                load();
              }}
            >
              <ReauthField reauth={reauth} />
              <div class="buttons">
                <button type="submit" class="primary">
                  {t('showQr')}
                </button>
              </div>
            </form>
          )}
          <ErrorMessage message={error} />
          {qr && <qr.QrCode text={qr.uri} label={t('qrLabel', name)} size={220} />}
        </>
      )}
    </div>
  );
}

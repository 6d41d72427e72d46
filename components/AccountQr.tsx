import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { t } from '../utils/i18n/i18n';

type QrCodeComponent = FunctionComponent<{ text: string; label: string; size?: number }>;

/**
 * One account's QR code, to move it to another device: hidden until asked for (it shows the
 * secret to anyone who sees the screen). The QR encoder loads only then, so the popup's own
 * script stays small.
 */
export function AccountQr({ name, loadUri }: { name: string; loadUri: () => Promise<string> }) {
  const [shown, setShown] = useState(false);
  const [qr, setQr] = useState<{ uri: string; QrCode: QrCodeComponent }>();
  // Once, when first shown: the parent hands a new loadUri on every render (a list reload), which
  // must not ask again.
  useEffect(() => {
    if (!shown || qr) return;
    void Promise.all([loadUri(), import('./QrCode')]).then(([uri, module]) => setQr({ uri, QrCode: module.QrCode }));
  }, [shown]);
  return (
    <div class="account-qr">
      <button type="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? t('hideQr') : t('showQr')}
      </button>
      {shown && (
        <>
          <p class="notice">{t('qrWarning')}</p>
          {qr && <qr.QrCode text={qr.uri} label={t('qrLabel', name)} size={220} />}
        </>
      )}
    </div>
  );
}

import { t } from '../utils/i18n/i18n';
import { ShieldCheck } from 'lucide-preact';
/** Shown when the vault holds no accounts: says what Tessera does and how the first one arrives. */
export function EmptyState() {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <ShieldCheck size={40} strokeWidth={1.5} aria-hidden="true" />
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      <p>{t('emptyIntro')}</p>
      <p>{t('emptyHowTo')}</p>
    </section>
  );
}

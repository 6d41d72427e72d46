import { t } from '../utils/i18n/i18n';
import { Card } from './ui/Card';

/**
 * One binding as the user reads it: "all of google.com" for a bare site (every https page of it),
 * "https://accounts.google.com only" for an origin (utils/core/fill/binding-covers.ts).
 */
export function bindingText(binding: string): string {
  return binding.includes('://') ? t('boundOrigin', binding) : t('boundWholeSite', binding);
}

/** Where an account fills without asking, in the Edit screen: whole sites and single origins told apart. */
export function BoundSites({ sites = [] }: { sites?: readonly string[] }) {
  return (
    <Card id="bound-sites-title" title={t('boundTitle')} level={3} class="bound-sites">
      {sites.length ? (
        <ul>
          {sites.map((binding) => (
            <li key={binding}>{bindingText(binding)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('boundNone')}</p>
      )}
    </Card>
  );
}

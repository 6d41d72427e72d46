import { useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../utils/core/accounts/account-view';
import { faviconPage, faviconUrl } from '../utils/core/accounts/favicon-page';
import { monogramColour, monogramLetter } from '../utils/core/accounts/monogram';
import { isSiteFavicon } from '../utils/popup/default-favicon';
import { messageLocale } from '../utils/i18n/plural';

interface Props {
  account: Pick<AccountView, 'issuer' | 'label' | 'sites' | 'icon'>;
  /** Settings' "Show site icons": off, every account shows its monogram. */
  showIcons: boolean;
}

/**
 * Where a site icon comes from: the one captured into the vault (Firefox), else Chrome's
 * `_favicon` for the first bound site (the browser's own favicon cache, no request to any icon
 * server; an error, as without the `favicon` permission, leaves the monogram).
 */
function iconSource({ sites, icon }: Props['account']): { src: string; cached: boolean } | undefined {
  if (icon) return { src: icon, cached: false };
  if (import.meta.env.BROWSER === 'firefox') return undefined;
  const page = faviconPage(sites);
  return page ? { src: faviconUrl(location.origin, page), cached: true } : undefined;
}

/**
 * The account's mark, decorative (the row names the account in words): its monogram at once,
 * then its site's icon over it once that has loaded. The picture loads lazily and decodes off the
 * main thread, in a box of fixed size, so it never delays or moves the codes.
 */
export function AccountIcon({ account, showIcons }: Props) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');
  // The picture joins after the frame that shows the codes (Preact runs effects after paint): its
  // request and decode then never hold the codes' first paint back.
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  const source = showIcons && painted && state !== 'failed' ? iconSource(account) : undefined;
  const src = source?.src;
  // Chrome's generic globe for a site it has no icon of is no better than the monogram.
  const loaded = () =>
    source?.cached
      ? void isSiteFavicon(source.src).then((own) => setState(own ? 'loaded' : 'failed'))
      : setState('loaded');
  return (
    <span class={src && state === 'loaded' ? 'account-icon loaded' : 'account-icon'} aria-hidden="true">
      {/* The letter is drawn by CSS (::before), so the row's text stays "Copy the code for…". */}
      <span
        class="monogram"
        data-letter={monogramLetter(account.issuer, account.label, messageLocale())}
        style={{ backgroundColor: monogramColour(account.issuer, account.label) }}
      />
      {src && (
        <img
          src={src}
          alt=""
          width={24}
          height={24}
          loading="lazy"
          decoding="async"
          onLoad={loaded}
          onError={() => setState('failed')}
        />
      )}
    </span>
  );
}

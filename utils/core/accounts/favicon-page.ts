/**
 * The page whose icon stands for an account bound to sites (Chrome's `_favicon` API takes a page
 * URL and answers from the browser's own favicon cache, with no request to any server:
 * https://developer.chrome.com/docs/extensions/how-to/ui/favicons). The first binding wins: an
 * origin as is, a bare site (binding-covers.ts) as its https home page. No tldts here: the popup
 * loads this.
 */
export function faviconPage(sites: readonly string[] | undefined): string | undefined {
  const site = sites?.[0];
  if (!site) return undefined;
  return site.includes('://') ? `${site}/` : `https://${site}/`;
}

/** Chrome's `_favicon` URL under an extension page's own origin: 32 px, sharp at 2x in a 16 px box. */
export function faviconUrl(extensionOrigin: string, pageUrl: string): string {
  return `${extensionOrigin}/_favicon/?pageUrl=${encodeURIComponent(pageUrl)}&size=32`;
}

/**
 * Pages no extension may read, and why, so a scan there fails with a reason rather than a bare
 * "nothing found". Browsers keep their own pages and their extension stores out of reach of all
 * extensions; the PDF viewer is itself an extension page.
 */
const STORES = [
  'chromewebstore.google.com',
  'chrome.google.com/webstore',
  'microsoftedge.microsoft.com/addons',
  'addons.mozilla.org',
];

/**
 * Why Tessera may not read the page at `url`, or undefined when it may try. An unknown URL (the
 * browser hides it from extensions without access, as on its own pages) is tried: the attempt
 * itself then fails with a reason.
 */
export function restrictedReason(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Tessera cannot read this page.';
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) {
    return (
      `The browser does not let extensions read its own pages (${parsed.protocol}//). ` +
      'Open the QR code on a web page, or save it and scan the image file.'
    );
  }
  const place = `${parsed.host}${parsed.pathname}`;
  if (STORES.some((store) => place.startsWith(store)))
    return 'The browser protects its extension store from all extensions. Save the QR code and scan the image file.';
  return undefined;
}

/** The PDF viewer cannot be scripted; its pixels may still be captured. */
export function looksLikePdf(url: string | undefined): boolean {
  try {
    return url !== undefined && new URL(url).pathname.toLowerCase().endsWith('.pdf');
  } catch {
    return false;
  }
}

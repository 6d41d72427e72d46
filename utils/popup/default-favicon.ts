/**
 * Chrome's `_favicon/` answers a page it has no icon for with its generic globe, which says less
 * than the account's monogram. That picture is the same for every unknown page, so it is read
 * once (for a page under `.invalid`, which no one visits: RFC 6761 §6.4) and an icon with the
 * same bytes is treated as none. Both come from the browser's cache; nothing goes to the network.
 */
import { faviconUrl } from '../core/accounts/favicon-page';

let generic: Promise<ArrayBuffer | undefined> | undefined;

async function bytesOf(url: string): Promise<ArrayBuffer | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.arrayBuffer() : undefined;
  } catch {
    return undefined;
  }
}

const same = (a: ArrayBuffer, b: ArrayBuffer) => {
  if (a.byteLength !== b.byteLength) return false;
  const [x, y] = [new Uint8Array(a), new Uint8Array(b)];
  return x.every((byte, i) => byte === y[i]);
};

/** Whether Chrome's favicon at `src` is a site's own icon, not the generic one (or an error). */
export async function isSiteFavicon(src: string): Promise<boolean> {
  generic ??= bytesOf(faviconUrl(location.origin, 'https://tessera.invalid/'));
  const [icon, fallback] = await Promise.all([bytesOf(src), generic]);
  return icon !== undefined && !(fallback && same(icon, fallback));
}

/**
 * A site's icon kept with an account (Firefox: captured from the tab when the account is bound to
 * the site or filled there; utils/fill/capture-site-icon.ts). It lives inside the encrypted
 * vault, because the sites a person has accounts on are as private as the accounts. An optional
 * field of an entry, as `sites` is: older contents simply have none, so no contents migration.
 * Whatever is read back is checked again here, and shown only while the account is still bound
 * to the origin the icon came from: a page can never put its picture on another site's account.
 */
import { bindingCovers, hostToCheck } from '../fill/binding-covers';
import type { SiteOf } from '../fill/site-table';
import { fromBase64 } from '../internal/bytes';

export interface SiteIcon {
  /** The origin of the page it was taken from (`https://github.com`). */
  origin: string;
  /** A small PNG (at most MAX_ICON_BYTES) as a `data:image/png;base64,` URL. */
  png: string;
}

/** A 32×32 PNG of a favicon is a few hundred bytes; anything over this is refused, not shown. */
export const MAX_ICON_BYTES = 4096;
/** The largest side the normaliser writes (32 px: 16 px icons at 2x). */
export const MAX_ICON_SIDE = 32;

const PNG_PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The PNG's bytes when `dataUrl` is a well-formed, small PNG data URL: base64, the PNG signature
 * and an IHDR chunk (PNG spec, W3C REC 2003, §5.2 and §11.2.2) of at most MAX_ICON_SIDE per side.
 */
export function smallPng(dataUrl: unknown): Uint8Array | undefined {
  if (typeof dataUrl !== 'string' || !dataUrl.startsWith(PNG_PREFIX)) return undefined;
  const base64 = dataUrl.slice(PNG_PREFIX.length);
  if (base64.length > Math.ceil(MAX_ICON_BYTES / 3) * 4 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(base64);
  } catch {
    return undefined;
  }
  if (bytes.length < 24 || !PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  const [width, height] = [view.getUint32(16), view.getUint32(20)];
  if (ihdr !== 'IHDR' || width < 1 || height < 1 || width > MAX_ICON_SIDE || height > MAX_ICON_SIDE) return undefined;
  return bytes;
}

/** `value` as a SiteIcon when it is one this Tessera could have stored, else undefined. */
export function checkSiteIcon(value: unknown): SiteIcon | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { origin, png } = value as Partial<SiteIcon>;
  if (typeof origin !== 'string' || !/^https?:\/\/[^/?#\s]+$/.test(origin)) return undefined;
  if (!smallPng(png)) return undefined;
  return { origin, png: png! };
}

interface IconEntry {
  readonly icon?: unknown;
  readonly sites?: readonly string[];
}

/**
 * The icon to show for an entry: its stored icon when valid and still covered by one of its
 * bindings (binding-covers.ts), else none (the popup shows the monogram). `siteOf` answers the
 * host names iconHostsToCheck lists.
 */
export function shownIcon(entry: IconEntry, siteOf: SiteOf): string | undefined {
  const icon = checkSiteIcon(entry.icon);
  if (!icon || !entry.sites?.some((binding) => bindingCovers(binding, `${icon.origin}/`, siteOf))) return undefined;
  return icon.png;
}

/** The host names whose sites shownIcon looks up for this entry: its icon's, when a bare binding could be that site. */
export function iconHostsToCheck(entry: IconEntry): string[] {
  const icon = checkSiteIcon(entry.icon);
  if (!icon) return [];
  const hosts = (entry.sites ?? []).map((binding) => hostToCheck(binding, `${icon.origin}/`));
  return [...new Set(hosts.filter((host) => host !== undefined))];
}

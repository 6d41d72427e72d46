/**
 * The monogram an account shows when it has no site icon: the first letter of its issuer (else
 * its label) on a colour derived from the issuer, so "GitHub" keeps one colour everywhere and
 * people learn it. Pure: the popup renders it before any picture could load.
 */

/**
 * Backgrounds for white text, fixed so a colour never changes between versions for an issuer.
 * Each has a contrast ratio of at least 4.5:1 with white (WCAG 2.2 SC 1.4.3, AA for normal text),
 * and white text on them reads the same in the light and the dark theme (monogram.test.ts checks).
 */
export const MONOGRAM_PALETTE = [
  '#b91c1c', // red
  '#c2410c', // orange
  '#a16207', // amber
  '#4d7c0f', // lime
  '#15803d', // green
  '#0f766e', // teal
  '#0e7490', // cyan
  '#1d4ed8', // blue
  '#4338ca', // indigo
  '#6d28d9', // violet
  '#a21caf', // fuchsia
  '#be123c', // rose
] as const;

/** Case and surrounding spaces do not make another service: "GitHub" and " github" share a colour. */
const key = (issuer: string) => issuer.trim().normalize('NFC').toLowerCase();

/**
 * FNV-1a, 32-bit, over the UTF-16 code units (http://www.isthe.com/chongo/tech/comp/fnv/): a
 * stable, well-spread hash for picking a colour, not for security.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The background colour of `issuer`'s monogram (the label's when there is no issuer). */
export function monogramColour(issuer: string, label = ''): string {
  const name = key(issuer) || key(label);
  return MONOGRAM_PALETTE[fnv1a(name) % MONOGRAM_PALETTE.length]!;
}

/** One segmenter per locale: rows render again at every rollover, and making one is not free. */
const segmenters = new Map<string | undefined, Intl.Segmenter>();
function segmenter(locale: string | undefined): Intl.Segmenter {
  let made = segmenters.get(locale);
  if (!made) segmenters.set(locale, (made = new Intl.Segmenter(locale, { granularity: 'grapheme' })));
  return made;
}

/**
 * The first user-perceived character (grapheme cluster, Unicode UAX #29, Intl.Segmenter when needed) of
 * the issuer, else the label, upper-cased by the rules of `locale` ("istanbul" gives "İ" in
 * Turkish); "?" when both are empty. An emoji or a combined letter ("é" as e + accent) stays whole.
 */
export function monogramLetter(issuer: string, label = '', locale?: string): string {
  const name = issuer.trim() || label.trim();
  if (!name) return '?';
  return firstGrapheme(name, locale).toLocaleUpperCase(locale);
}

/**
 * A letter or digit that nothing joins to (no mark, joiner, variation selector, or Hangul
 * conjoining vowel or final after it) is a grapheme on its own: taken without Intl.Segmenter,
 * whose construction costs ~30 ms in Chromium (its break-iterator data loads) on the popup's
 * first paint.
 */
const LONE_CHARACTER = /^[\p{L}\p{N}](?!\p{M}|\u200D|[\uFE00-\uFE0F\u1160-\u11FF])/u;

function firstGrapheme(name: string, locale: string | undefined): string {
  const lone = LONE_CHARACTER.exec(name);
  if (lone) return lone[0];
  const first = segmenter(locale).segment(name)[Symbol.iterator]().next();
  return first.done ? name : first.value.segment;
}

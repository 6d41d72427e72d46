/**
 * A quick, honest hint about a new passphrase. It does not pretend to measure entropy: it counts
 * the characters that add something (a repeat or a run such as "aaaa" or "1234" adds little) and
 * the kinds of characters used. It is a hint, not a gate: the only hard rule is the minimum length.
 */

export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * The one hard rule for a new passphrase (the vault's, a backup's, an Aegis export's), in
 * characters, not UTF-16 units.
 */
export function isLongEnough(passphrase: string): boolean {
  return [...passphrase].length >= MIN_PASSPHRASE_LENGTH;
}

export type StrengthLevel = 'too-short' | 'weak' | 'fair' | 'good' | 'strong';

export interface PassphraseStrength {
  level: StrengthLevel;
  hint: string;
}

const HINTS: Record<StrengthLevel, string> = {
  'too-short': `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`,
  weak: 'Weak: add more words or characters.',
  fair: 'Fair: a few more words would make it much stronger.',
  good: 'Good.',
  strong: 'Strong.',
};

const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u];

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const chars = [...passphrase];
  let effective = 0;
  chars.forEach((char, i) => {
    const step = i > 0 ? char.codePointAt(0)! - chars[i - 1]!.codePointAt(0)! : NaN;
    effective += Math.abs(step) <= 1 ? 0.25 : 1;
  });
  const kinds = CLASSES.filter((kind) => kind.test(passphrase)).length;
  const score = effective + 3 * Math.max(kinds - 1, 0);
  const level: StrengthLevel =
    chars.length < MIN_PASSPHRASE_LENGTH
      ? 'too-short'
      : score < 12
        ? 'weak'
        : score < 18
          ? 'fair'
          : score < 24
            ? 'good'
            : 'strong';
  return { level, hint: HINTS[level] };
}

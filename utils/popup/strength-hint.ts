import { passphraseStrength, type StrengthLevel } from '../core/vault/passphrase-strength';
import { t, type MessageKey } from '../i18n/i18n';

const KEYS: Record<StrengthLevel, MessageKey> = {
  'too-short': 'strengthTooShort',
  weak: 'strengthWeak',
  fair: 'strengthFair',
  good: 'strengthGood',
  strong: 'strengthStrong',
};

/** The passphrase hint in the user's language. */
export function strengthHint(passphrase: string): string {
  return t(KEYS[passphraseStrength(passphrase).level]);
}

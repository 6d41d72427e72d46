/**
 * The Battle.net app's authenticator, `shared_prefs/com.blizzard.messenger.authenticator_preferences.xml`
 * from a rooted phone. Its serial and secret are stored "masked" (CREDENTIALS_ENCRYPTION_TYPE
 * MASK): hex of the text XORed with a fixed 56-byte key that every install shares, the one the
 * authenticator has used since its first versions. Unmasked, the secret is the hex of a 20-byte
 * key for an 8-digit SHA1 TOTP every 30 s, and the serial reads like "US-1234-5678-9012".
 * @see https://github.com/beemdevelopment/Aegis (BattleNetImporter: the same file, read in Java)
 */
import { secretFromBytes } from '../otp/otp';
import { OtpFieldError } from '../otp/otp-field-error';
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName } from './imported';
import { hexBytes } from './import-crypto';
import type { Importer } from './import-source';
import { hasPreference, preference, readSharedPrefs } from './shared-prefs';

const FORMAT = 'Battle.net';
const PREFIX = 'com.blizzard.messenger.';
const SECRET = `${PREFIX}AUTHENTICATOR_DEVICE_SECRET`;
const SERIAL = `${PREFIX}AUTHENTICATOR_SERIAL`;
const ENCRYPTION = `${PREFIX}AUTHENTICATOR_CREDENTIALS_ENCRYPTION_TYPE`;
const MASK = hexBytes(
  '398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a',
  FORMAT,
);
const DIGITS = 8;

/** The text under a mask; a masked value longer than the mask, or not hex, is damaged. */
function unmask(hex: string, field: 'secret' | 'label'): string {
  let masked: Uint8Array;
  try {
    masked = hexBytes(hex, FORMAT);
  } catch {
    throw new OtpFieldError(field, `the masked ${field === 'secret' ? 'secret' : 'serial'} is not hex`);
  }
  if (masked.length > MASK.length)
    throw new OtpFieldError(field, `the masked ${field === 'secret' ? 'secret' : 'serial'} is too long`);
  return String.fromCharCode(...masked.map((byte, i) => byte ^ MASK[i]!));
}

export const battleNet: Importer = {
  format: FORMAT,
  matches: (source) => hasPreference(source, SECRET),
  async parse(source) {
    const prefs = readSharedPrefs(source.text!, FORMAT);
    const encryption = prefs.get(ENCRYPTION) ?? 'MASK';
    if (encryption !== 'MASK')
      throw new ImportError(
        'not-recognised',
        `This ${FORMAT} file protects its secret with "${encryption}", which Tessera cannot read ` +
          '(it reads masked secrets only).',
      );
    const secretHex = preference(prefs, SECRET, FORMAT);
    const serialHex = prefs.get(SERIAL) ?? '';
    return collectAccounts(
      FORMAT,
      [{ secretHex, serialHex }],
      () => {
        const secret = unmask(secretHex, 'secret');
        if (!/^(?:[0-9a-f]{2})+$/i.test(secret)) throw new OtpFieldError('secret', 'the unmasked secret is not hex');
        return {
          account: entryAccount({
            issuer: FORMAT,
            label: serialHex ? unmask(serialHex, 'label') : '',
            secret: secretFromBytes(hexBytes(secret, FORMAT)),
            digits: DIGITS,
          }),
          tags: [],
        };
      },
      () => {
        try {
          return entryName(FORMAT, unmask(serialHex, 'label'));
        } catch {
          return FORMAT;
        }
      },
    );
  },
};

/**
 * 2FAuth's JSON export: `{app: "2fauth_v…", schema: 1, datetime, data: [{otp_type, account,
 * service, secret, digits, algorithm, period, counter, legacy_uri, icon…}]}`. `otp_type` is
 * totp, hotp or steamtotp; algorithms are lower case (md5 too, which Tessera cannot compute).
 * The fields are what 2FAuth itself imports; `legacy_uri` is the URI first scanned, kept for
 * reference only. The "otpauth" variant of the export lists `{uri}` objects instead.
 * @see https://github.com/Bubka/2FAuth/blob/master/app/Api/v1/Resources/TwoFAccountExportCollection.php
 * @see https://github.com/Bubka/2FAuth/blob/master/app/Api/v1/Resources/TwoFAccountExportResource.php
 * @see https://github.com/Bubka/2FAuth/blob/master/app/Services/Migrators/TwoFAuthMigrator.php
 */
import { parseOtpauthUri } from '../otp/otpauth-uri';
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName, field } from './imported';
import { jsonObject, type Importer } from './import-source';

const FORMAT = '2FAuth';

interface TwoFAuthEntry {
  otp_type?: string;
  account?: string;
  service?: string | null;
  secret?: string;
  digits?: number | null;
  algorithm?: string | null;
  period?: number | null;
  counter?: number | null;
  uri?: string;
}

/** 2FAuth's own type names; anything else is passed on to be refused by name. */
const TYPES: Record<string, string> = { totp: 'totp', hotp: 'hotp', steamtotp: 'steam' };

export const twoFAuth: Importer = {
  format: FORMAT,
  matches: (source) => {
    const backup = jsonObject(source);
    return backup !== undefined && typeof backup.app === 'string' && /^2fauth/i.test(backup.app) && 'data' in backup;
  },
  async parse(source) {
    const backup = jsonObject(source)!;
    if (backup.schema !== undefined && backup.schema !== 1)
      throw new ImportError(
        'not-recognised',
        `This ${FORMAT} export uses schema ${JSON.stringify(backup.schema)}; Tessera reads schema 1.`,
      );
    return collectAccounts(
      FORMAT,
      field<TwoFAuthEntry[]>(backup, 'data', 'array', FORMAT),
      (entry) => {
        if (typeof entry?.uri === 'string') return { account: parseOtpauthUri(entry.uri), tags: [] };
        const type = typeof entry?.otp_type === 'string' ? entry.otp_type : undefined;
        return {
          account: entryAccount({
            type: type === undefined ? undefined : (TYPES[type.toLowerCase()] ?? type),
            issuer: entry.service,
            label: entry.account,
            secret: entry.secret,
            algorithm: entry.algorithm,
            digits: entry.digits,
            period: entry.period,
            counter: entry.counter,
          }),
          tags: [],
        };
      },
      (entry) => entryName(entry?.service, entry?.account ?? entry?.uri?.replace(/secret=[^&]*/i, 'secret=…')),
    );
  },
};

/**
 * Android authenticators whose files people copy off a phone (shared_prefs, app files) or
 * export: each recognised by content. Listed in import-file.ts among the formats with markers,
 * before the markerless binary ones (andOTP and Stratum encrypted), which take any binary file.
 */
import { authy } from './authy';
import { battleNet } from './battle-net';
import { duo } from './duo';
import { freeOtpBackup, freeOtpPrefs } from './freeotp';
import type { Importer } from './import-source';
import { steam } from './steam';
import { totpAuthenticator, totpAuthenticatorPrefs } from './totp-authenticator';

export const ANDROID_IMPORTERS: readonly Importer[] = [
  steam,
  duo,
  authy,
  battleNet,
  freeOtpPrefs,
  totpAuthenticatorPrefs,
  totpAuthenticator,
  freeOtpBackup,
];

/** The apps above, as NOT_RECOGNISED lists them. */
export const ANDROID_APPS = 'Authy, Battle.net, Duo Mobile, FreeOTP, Steam Guard (maFile), TOTP Authenticator';

/**
 * Raivo OTP (iOS) exports: a password-protected ZIP (see zip-archive.ts) holding
 * `raivo-otp-export.json`, a JSON array of every OTP with all values as strings:
 * `{issuer, account, secret, algorithm, digits, kind: "TOTP"|"HOTP", timer, counter, iconType, iconValue}`.
 * @see https://github.com/raivo-otp/ios-application, Raivo/Features/DataExportFeature.swift
 *   (getJSONRepresentation) and Raivo/Models/Password.swift (getExportFields)
 */
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName, type ParsedImport } from './imported';

export const RAIVO = 'Raivo';
export const RAIVO_FILE = 'raivo-otp-export.json';

interface RaivoEntry {
  issuer?: string;
  account?: string;
  secret?: string;
  algorithm?: string;
  digits?: string;
  kind?: string;
  timer?: string;
  counter?: string;
}

function isEntryList(json: unknown): json is RaivoEntry[] {
  return (
    Array.isArray(json) &&
    json.every((entry) => typeof entry === 'object' && entry !== null && 'secret' in entry && 'kind' in entry)
  );
}

/** The accounts of `raivo-otp-export.json`'s text. */
export function raivoAccounts(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportError('malformed', `This ${RAIVO} export is damaged: ${RAIVO_FILE} is not JSON.`);
  }
  // Raivo writes {"message": "..."} instead of the list when it could not read its own database.
  if (!isEntryList(json))
    throw new ImportError('malformed', `This ${RAIVO} export is damaged: ${RAIVO_FILE} is not a list of OTPs.`);
  return collectAccounts(
    RAIVO,
    json,
    (entry) => ({
      account: entryAccount({
        type: entry.kind,
        issuer: entry.issuer,
        label: entry.account,
        secret: entry.secret,
        algorithm: entry.algorithm,
        digits: entry.digits,
        period: entry.timer,
        counter: entry.counter,
      }),
      tags: [],
    }),
    (entry) => entryName(entry.issuer, entry.account),
  );
}

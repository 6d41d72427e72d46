/** Accounts the popup and screens tests both show: a Steam Guard account and an 8-digit SHA-256 HOTP. */
import type { Account } from '../utils/core/otp/account';

export const STEAM: Account = {
  type: 'steam',
  issuer: 'Steam',
  label: 'gaben',
  secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
  algorithm: 'SHA1',
  digits: 5,
  period: 30,
};
export const BANK: Account = {
  type: 'hotp',
  issuer: 'Bank',
  label: 'me',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  algorithm: 'SHA256',
  digits: 8,
  counter: 5,
};

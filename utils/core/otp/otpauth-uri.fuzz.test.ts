/**
 * Fuzzes the Key URI parser with 100,000 random and mutated inputs. The contract: it returns a
 * well-formed account (one that survives build -> parse unchanged) or throws an OtpFieldError;
 * never any other exception, never a hang. The seed is fixed so a failure is reproducible; set
 * FUZZ_SEED to explore further.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../../tests/prng';
import { readFixture } from '../../../tests/shared-fixtures';
import type { Account } from './account';
import { buildOtpauthUri } from './build-otpauth-uri';
import { OtpFieldError } from './otp-field-error';
import { parseOtpauthUri } from './otpauth-uri';

const ITERATIONS = 100_000;
const SEED = Number(process.env.FUZZ_SEED ?? 0x7e55e7a);

const SEEDS = [
  ...readFixture('aegis-importers/plain.txt').split('\n'),
  ...readFixture('aegis-importers/ente_auth.txt').split('\n'),
  'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
  'otpauth://hotp/x?secret=jbsw-y3dp-ehpk-3pxp&counter=3',
  'steam://JRZCL47CMXVOQMNPZR2F7J4RGI',
  'otpauth://totp/Steam:g?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&encoder=steam',
].filter((line) => line.trim() !== '');

const ALPHABET = 'otpauth:/?&=#%+-_.~ :AZaz27019\u00e9\u00fc\u4e2d\ud83d\ude00\ud800\n\t\0';
const PIECES = [
  '%',
  '%3A',
  '%2',
  '%ZZ',
  '%ED%A0%80',
  '%C3%A9',
  ':',
  '?',
  '&',
  '=',
  '#',
  '+',
  '//',
  'otpauth://',
  'steam://',
  'totp',
  'hotp',
  'steam',
  'secret=',
  'issuer=',
  'digits=',
  'period=',
  'counter=',
  'algorithm=',
  'encoder=steam',
  'SHA512',
  '0',
  '-1',
  '99999999999999999999',
  '1e9',
  'NaN',
  '=',
  '==',
  ' ',
  '\u202e',
  'A'.repeat(300),
];

function mutate(input: string, random: () => number): string {
  const pick = <T>(items: readonly T[] | string) => items[Math.floor(random() * items.length)] as T;
  let text = input;
  const rounds = 1 + Math.floor(random() * 4);
  for (let i = 0; i < rounds; i++) {
    const at = Math.floor(random() * (text.length + 1));
    switch (Math.floor(random() * 6)) {
      case 0:
        text = text.slice(0, at) + pick<string>(ALPHABET) + text.slice(at);
        break;
      case 1:
        text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
        break;
      case 2:
        text = text.slice(0, at) + pick(PIECES) + text.slice(at);
        break;
      case 3:
        text = text.slice(0, at);
        break;
      case 4:
        text = text.slice(0, at) + text.slice(Math.floor(random() * text.length));
        break;
      default:
        text = text.slice(0, at) + pick<string>(ALPHABET).toUpperCase() + text.slice(at + 1);
    }
  }
  return text;
}

function randomText(random: () => number): string {
  const length = Math.floor(random() * 80);
  let text = random() < 0.7 ? 'otpauth://' : '';
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return text;
}

function check(uri: string): 'account' | 'error' {
  let account: Account;
  try {
    account = parseOtpauthUri(uri);
  } catch (error) {
    if (error instanceof OtpFieldError) return 'error';
    throw new Error(`parser threw ${String(error)} for ${JSON.stringify(uri)}`);
  }
  expect(parseOtpauthUri(buildOtpauthUri(account)), JSON.stringify(uri)).toEqual(account);
  return 'account';
}

describe('parseOtpauthUri under fuzzing', () => {
  it(`returns an account or an OtpFieldError for ${ITERATIONS} inputs (seed ${SEED})`, () => {
    const random = prng(SEED);
    const outcomes = { account: 0, error: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      const uri = random() < 0.85 ? mutate(SEEDS[i % SEEDS.length]!, random) : randomText(random);
      outcomes[check(uri)]++;
    }
    // Both outcomes must be common, or the mutations are not exploring the interesting space.
    expect(outcomes.account).toBeGreaterThan(ITERATIONS / 10);
    expect(outcomes.error).toBeGreaterThan(ITERATIONS / 10);
  });
});

import { describe, expect, it } from 'vitest';
import { findWord, normalise, SENT_CODE_CONTEXT, tokenise } from './field-words';

describe('normalise', () => {
  it.each([
    ['Bestätigungs-Code', 'bestatigungscode'],
    ['Two_Factor code', 'twofactorcode'],
    ['Código de verificação', 'codigodeverificacao'],
    ['認証コード', '認証コード'],
  ])('%s -> %s', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });
});

describe('tokenise: each attribute on its own, split at camelCase, digits and separators', () => {
  it.each([
    ['totpPin2', ['totp', 'pin', '2']],
    ['E-Mail', ['e', 'mail']],
    ['two_factor-code', ['two', 'factor', 'code']],
    ['OTPCode', ['otp', 'code']],
    ['2faCode', ['2', 'fa', 'code']],
    ['Bestätigungs-Code', ['bestatigungs', 'code']],
    ["We've sent", ['we', 've', 'sent']],
    ['認証コードを入力', ['認証コードを入力']],
    ['', []],
  ])('tokenise(%j)', (text, tokens) => {
    expect(tokenise(text)).toEqual(tokens);
  });
});

describe('findWord: words and phrases on token boundaries, never across two texts', () => {
  it.each([
    [['code', 'code'], ['decode'], undefined],
    [['decode'], ['decode'], 'decode'],
    [['otpCode'], ['otp'], 'otp'],
    [['one-time code'], ['onetime'], 'onetime'],
    [['Enter the code'], ['entercode'], undefined],
    [['We’ve sent a code to a•••@example.com'], SENT_CODE_CONTEXT, 'weve sent'],
    [["Didn't receive it?"], SENT_CODE_CONTEXT, 'didnt receive'],
    [['Send a code by SMS instead'], SENT_CODE_CONTEXT, undefined],
    [['Nous avons envoyé un code'], SENT_CODE_CONTEXT, 'nous avons envoye'],
    [['認証コードを入力'], ['認証コード'], '認証コード'],
  ] as const)('%j in %j: %s', (texts, words, found) => {
    expect(findWord(texts, words)).toBe(found);
  });
});

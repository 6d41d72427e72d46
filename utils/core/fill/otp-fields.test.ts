import { describe, expect, it } from 'vitest';
import { crowded, field } from '../../../tests/field-descriptor';
import { findChosenField, findOtpFields } from './otp-fields';
import { scoreField } from './score-field';

describe('single code fields: filled', () => {
  it.each([
    ['autocomplete one-time-code', { autocomplete: 'one-time-code' }],
    ['GitHub app_otp', { id: 'app_totp', name: 'app_otp', autocomplete: 'one-time-code', inputMode: 'numeric' }],
    ['Google totpPin, type tel', { id: 'totpPin', name: 'totpPin', type: 'tel' }],
    ['Google idvPin', { id: 'idvPin', name: 'idvPin', type: 'tel' }],
    ['Microsoft otc', { id: 'idTxtBx_SAOTCC_OTC', name: 'otc' }],
    ['AWS mfacode', { name: 'mfacode' }],
    ['name otp', { name: 'otp' }],
    ['name totp', { name: 'totp' }],
    ['id 2fa-code', { id: '2fa-code' }],
    ['name twoFactorCode', { name: 'twoFactorCode' }],
    ['name verification_code', { name: 'verification_code' }],
    ['name security_code', { name: 'security_code' }],
    ['name approvals_code (Facebook)', { name: 'approvals_code', type: 'text' }],
    ['name one_time_password', { name: 'one_time_password' }],
    ['type number, placeholder 6-digit code', { type: 'number', placeholder: '6-digit code' }],
    ['label Authentication code', { label: 'Authentication code' }],
    ['label Verification code with inputmode numeric', { label: 'Verification code', inputMode: 'numeric' }],
    ['aria-label Two-factor code', { ariaLabel: 'Two-factor code' }],
    ['placeholder Enter your authenticator code', { placeholder: 'Enter your authenticator code' }],
    ['data-testid mfa-input', { testId: 'mfa-input' }],
    [
      'Pushover: inputmode and pattern and one-time-code',
      { inputMode: 'numeric', pattern: '[0-9]*', autocomplete: 'one-time-code' },
    ],
    ['label Passcode', { label: 'Passcode' }],
    ['"Code" with maxlength 6', { label: 'Code', maxLength: 6 }],
    ['"PIN" with pattern \\d{6}', { label: 'PIN', pattern: '\\d{6}' }],
    ['"Token" under an MFA heading', { label: 'Token', heading: 'Two-factor authentication' }],
    ['type password used for the OTP, named totp', { type: 'password', name: 'totp', autocomplete: 'one-time-code' }],
    ['de: Bestätigungscode', { label: 'Bestätigungscode' }],
    ['de: Einmalcode', { placeholder: 'Einmalcode eingeben' }],
    ['de: Sicherheitscode, numeric', { label: 'Sicherheitscode', inputMode: 'numeric' }],
    ['fr: Code de vérification', { label: 'Code de vérification' }],
    ['fr: code à usage unique', { placeholder: 'Code à usage unique' }],
    ['es: Código de verificación', { label: 'Código de verificación' }],
    ['pt: Código de verificação', { label: 'Código de verificação' }],
    ['it: Codice di verifica', { label: 'Codice di verifica' }],
    ['nl: Verificatiecode', { label: 'Verificatiecode' }],
    ['pl: Kod weryfikacyjny', { label: 'Kod weryfikacyjny' }],
    ['ru: Код подтверждения', { label: 'Код подтверждения' }],
    ['ja: 認証コード', { label: '認証コード' }],
    ['ko: 인증 코드', { label: '인증 코드' }],
    ['zh: 验证码 with numeric shape', { placeholder: '验证码', inputMode: 'numeric' }],
    ['zh-TW: 驗證碼', { label: '驗證碼' }],
  ])('%s', (_, over) => {
    expect(findOtpFields(crowded(over), 6)).toMatchObject({ kind: 'single', index: 1 });
  });

  it('"Code" alone on the page is enough; beside other fields it is not', () => {
    expect(findOtpFields([field({ label: 'Code' })], 6)).toMatchObject({ kind: 'single', index: 0 });
    expect(findOtpFields(crowded({ label: 'Code' }), 6)).toEqual({ kind: 'none' });
  });

  it('prefers the stronger of two candidates', () => {
    const fields = [field({ label: 'Code', maxLength: 6 }), field({ autocomplete: 'one-time-code', name: 'otp' })];
    expect(findOtpFields(fields, 6)).toMatchObject({ kind: 'single', index: 1 });
  });
});

describe('decoys and unfit fields: never filled', () => {
  it.each([
    ['recovery code', { label: 'Recovery code', name: 'recovery_code' }],
    ['backup code', { name: 'backup_code', placeholder: 'Backup code' }],
    ['coupon code', { label: 'Coupon code', name: 'code' }],
    ['promo code', { placeholder: 'Promo code' }],
    ['gift card', { label: 'Gift card code' }],
    ['postal code', { label: 'Postal code', autocomplete: 'postal-code' }],
    ['zip', { name: 'zip', maxLength: 6, inputMode: 'numeric' }],
    ['German PLZ', { label: 'PLZ', maxLength: 5 }],
    ['search box', { type: 'text', name: 'q', placeholder: 'Search', form: { search: true } }],
    ['captcha', { label: 'Captcha code', maxLength: 6 }],
    ['card CVC', { label: 'CVC', maxLength: 4, inputMode: 'numeric', autocomplete: 'cc-csc' }],
    ['card number', { autocomplete: 'cc-number', inputMode: 'numeric' }],
    ['phone number', { type: 'tel', label: 'Mobile phone', autocomplete: 'tel' }],
    ['SMS code', { label: 'SMS code', inputMode: 'numeric', maxLength: 6 }],
    [
      'code sent by e-mail',
      { label: 'Code', inputMode: 'numeric', maxLength: 6, form: { text: 'We sent a code to your email. Resend' } },
    ],
    ['e-mail input', { inputMode: 'email', name: 'code' }],
    ['username', { autocomplete: 'username', name: 'login' }],
    ['password', { type: 'password', autocomplete: 'current-password', name: 'password' }],
    ['new password', { type: 'password', autocomplete: 'new-password' }],
    ['disabled otp', { name: 'otp', disabled: true }],
    ['read-only otp', { name: 'otp', readOnly: true }],
    ['hidden otp', { name: 'otp', visible: false }],
    ['tabindex -1 otp', { name: 'otp', tabIndex: -1 }],
    ['checkbox named otp', { type: 'checkbox', name: 'otp' }],
    ['hidden-type input', { type: 'hidden', name: 'otp' }],
    ['a comment box', { label: 'Comment', name: 'comment' }],
    ['newsletter sign-up', { label: 'Newsletter', name: 'newsletter_email' }],
    ['maxlength 50', { label: 'Verification code', maxLength: 50 }],
    ['base64 encode tool', { label: 'Text to encode' }],
    ['plain "PIN" beside other fields', { label: 'PIN' }],
    ['a name field', { name: 'first_name', autocomplete: 'given-name' }],
    ['Wiederherstellungscode (de recovery)', { label: 'Wiederherstellungscode' }],
    ['Gutscheincode (de coupon)', { label: 'Gutscheincode' }],
  ])('%s', (_, over) => {
    expect(findOtpFields(crowded(over), 6)).toEqual({ kind: 'none' });
  });

  it('a form with several e-mail addresses is not a sign-in step', () => {
    expect(findOtpFields(crowded({ label: 'Code', maxLength: 6, form: { atSigns: 3 } }), 6)).toEqual({ kind: 'none' });
  });

  it('an authenticator field beside an SMS field: only the authenticator one', () => {
    const fields = [
      field({ label: 'SMS code', inputMode: 'numeric', maxLength: 6 }),
      field({ label: 'Authenticator app code', inputMode: 'numeric', maxLength: 6 }),
    ];
    expect(findOtpFields(fields, 6)).toMatchObject({ kind: 'single', index: 1 });
  });
});

describe('the field the user pointed at (context menu)', () => {
  const page = [
    field({ name: 'username', autocomplete: 'username' }),
    field({ name: 'answer', label: 'Your answer' }),
    field({ name: 'otp', autocomplete: 'one-time-code' }),
    field({ label: 'Recovery code' }),
    field({ label: 'Code we sent by SMS', inputMode: 'numeric', maxLength: 6 }),
    ...Array.from({ length: 6 }, (_, i) =>
      field({ maxLength: 1, containers: [50 + i, 9], box: { x: 100 + i * 48, y: 300, width: 40, height: 48 } }),
    ),
    field({ type: 'checkbox' }),
  ];

  it.each([
    ['a plain field with nothing code-like on it', 1, { kind: 'single', index: 1 }],
    ['the code field itself', 2, { kind: 'single', index: 2 }],
    ['one of six boxes: the whole group', 7, { kind: 'split', indexes: [5, 6, 7, 8, 9, 10] }],
    ['a recovery-code field: still refused', 3, { kind: 'none' }],
    ['an SMS code field: still refused', 4, { kind: 'none' }],
    ['a checkbox: still refused', 11, { kind: 'none' }],
    ['a username field: refused by its autocomplete', 0, { kind: 'none' }],
  ] as const)('%s', (_, chosen, expected) => {
    expect(findChosenField(page, 6, chosen)).toMatchObject(expected);
  });

  it('without a field pointed at, finds the best one as usual', () => {
    expect(findChosenField(page, 6, -1)).toEqual(findOtpFields(page, 6));
  });
});

/**
 * Gitea's two sign-in steps, as its templates and English strings write them: the passcode form
 * (go-gitea/gitea templates/user/auth/twofa.tmpl @ 09d3e0ef) is filled, the scratch-code form
 * (templates/user/auth/twofa_scratch.tmpl @ 001727e5; options/locale/locale_en-US.ini @ 00258476:
 * "Two-Factor Scratch Code", "Scratch code") is not: a scratch code is used once, not a TOTP.
 */
describe('Gitea', () => {
  const heading = (text: string) => ({ heading: text, form: { submitText: 'Verify' } });
  it('fills the passcode form', () => {
    const passcode = field({
      id: 'passcode',
      name: 'passcode',
      type: 'number',
      autocomplete: 'off',
      label: 'Passcode',
      ...heading('Two-Factor Authentication'),
    });
    expect(findOtpFields([passcode], 6)).toMatchObject({ kind: 'single', index: 0 });
  });

  it('leaves the scratch-code form alone', () => {
    const scratch = field({
      id: 'token',
      name: 'token',
      autocomplete: 'off',
      label: 'Scratch code',
      ...heading('Two-Factor Scratch Code'),
    });
    expect(findOtpFields([scratch], 6)).toEqual({ kind: 'none' });
  });
});

describe('words of two attributes never run together', () => {
  it.each([
    // id "code" and name "code" once read "codecode", which holds the decoy "decode".
    ['a plain code field, id and name alike', { id: 'code', name: 'code', inputMode: 'numeric' }, true],
    ['"code" in every attribute', { id: 'code', name: 'code', label: 'Code', placeholder: 'code' }, true],
    ['a label ending and a placeholder starting alike', { label: 'Enter code', placeholder: 'code here' }, true],
    ['"decode" as a word of its own', { id: 'decode', label: 'Decode', inputMode: 'numeric' }, false],
    ['"e-mail" split by a hyphen', { label: 'E-Mail code', inputMode: 'numeric' }, false],
  ])('%s', (_, over, filled) => {
    const result = findOtpFields([field(over)], 6);
    expect(result.kind === 'single', JSON.stringify(scoreField(field(over), { alone: true }))).toBe(filled);
  });
});

describe('the page around the field', () => {
  it('a "security code" in a card form is the card’s (Stripe-like checkout)', () => {
    const checkout = [
      field({ name: 'cardnumber', autocomplete: 'cc-number', inputMode: 'numeric', form: { id: 3 } }),
      field({ name: 'exp-date', placeholder: 'MM / YY', form: { id: 3 } }),
      field({ name: 'security-code', inputMode: 'numeric', maxLength: 4, form: { id: 3 } }),
      field({ name: 'verification-code', inputMode: 'numeric', form: { id: 3 } }),
    ];
    expect(findOtpFields(checkout, 6)).toEqual({ kind: 'none' });
    // The same names in a form of their own are code fields.
    expect(findOtpFields([field({ name: 'verification-code', inputMode: 'numeric' })], 6)).toMatchObject({
      kind: 'single',
    });
  });

  it('a lone 4-digit field takes no 6-digit code', () => {
    expect(findOtpFields([field({ label: 'PIN', maxLength: 4, inputMode: 'numeric' })], 6)).toEqual({ kind: 'none' });
  });

  it('an e-mailed code is left alone even with autocomplete one-time-code', () => {
    const emailed = field({
      autocomplete: 'one-time-code',
      inputMode: 'numeric',
      name: 'code',
      form: { text: 'We e-mailed you a code at a•••@example.com. Enter it to sign in.' },
    });
    expect(findOtpFields([emailed], 6)).toEqual({ kind: 'none' });
  });

  it('two code fields: the visible, enabled one (a second step not shown yet)', () => {
    const fields = [
      field({ name: 'otp', autocomplete: 'one-time-code', visible: false }),
      field({ name: 'otp_confirm', autocomplete: 'one-time-code', disabled: true }),
      field({ name: 'totp', inputMode: 'numeric' }),
    ];
    expect(findOtpFields(fields, 6)).toMatchObject({ kind: 'single', index: 2 });
  });
});

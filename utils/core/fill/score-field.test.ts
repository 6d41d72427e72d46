import { describe, expect, it } from 'vitest';
import { field } from '../../../tests/field-descriptor';
import { lengthRefusal, scoreField, sentCode } from './score-field';

describe('scoreField', () => {
  it('gives reasons', () => {
    expect(scoreField(field({ autocomplete: 'one-time-code', inputMode: 'numeric' })).reasons).toEqual([
      'autocomplete one-time-code',
      'numeric or code-length',
    ]);
    expect(scoreField(field({ label: 'Coupon code' })).reasons).toContain('decoy: coupon');
    expect(scoreField(field({ disabled: true })).reasons).toEqual(['disabled or read-only']);
  });

  it('a security code in a payment card form is the card’s, unless the field says one-time-code', () => {
    const named = field({ name: 'verification-code', inputMode: 'numeric' });
    expect(scoreField(named, { cardForm: true }).reasons).toContain('decoy: in a payment card form');
    expect(scoreField(named, { cardForm: false }).score).toBeGreaterThan(40);
    expect(scoreField({ ...named, autocomplete: 'one-time-code' }, { cardForm: true }).score).toBeGreaterThan(40);
  });
});

describe('lengthRefusal: a field that cannot hold this code, or no code at all', () => {
  it.each([
    ['maxlength 4, code of 6', { maxLength: 4 }, 6, 'holds 4 characters, the code has 6'],
    ['pattern \\d{4}, code of 6', { pattern: '\\d{4}' }, 6, 'holds 4 characters, the code has 6'],
    ['pattern [0-9]{6}, code of 6', { pattern: '[0-9]{6}' }, 6, undefined],
    ['maxlength 6, Steam code of 5', { maxLength: 6 }, 5, undefined],
    ['maxlength 10', { maxLength: 10 }, 6, undefined],
    ['maxlength 12', { maxLength: 12 }, 6, 'too long for a code'],
    ['maxlength 20, autocomplete one-time-code', { maxLength: 20, autocomplete: 'one-time-code' }, 6, undefined],
    ['maxlength 20, named otpCode (Amazon)', { maxLength: 20, name: 'otpCode' }, 6, undefined],
    ['maxlength 20, plain', { maxLength: 20, label: 'Code' }, 6, 'too long for a code'],
  ] as const)('%s', (_, over, length, why) => {
    expect(lengthRefusal(field(over), length)).toBe(why);
  });
});

describe('sentCode: codes sent by e-mail or SMS outweigh one-time-code', () => {
  it.each([
    ['"we e-mailed you a code"', { form: { text: 'We e-mailed you a code. Enter it below.' } }, true],
    ['"Check your inbox"', { form: { text: 'Check your inbox for a 6-digit code' } }, true],
    ['a "Resend code" link', { form: { text: 'Enter code Resend code' } }, true],
    ['an SMS heading', { heading: 'SMS verification' }, true],
    ['an e-mail heading', { heading: 'Verify your email' }, true],
    ['"Send a code by SMS instead" on a TOTP page', { form: { text: 'Use SMS instead. Send a code' } }, false],
    [
      'the authenticator named beside a sent-code sentence',
      { label: 'Authenticator code', form: { text: 'We sent a code. Or use your app' } },
      false,
    ],
    ['a TOTP page', { heading: 'Two-factor authentication', form: { text: 'Open your authenticator app' } }, false],
    [
      'Joomla: "You have received a … code in your email"',
      { form: { text: 'You have received a code in your email.' } },
      true,
    ],
    [
      'Nextcloud: "from your e-mail inbox"',
      { form: { text: 'Get the authentication code from your e-mail inbox.' } },
      true,
    ],
    ['Casdoor: a "Send Code" button beside the field', { near: 'Send Code' }, true],
    ['a "Verify" button beside the field', { near: 'Verify' }, false],
  ] as const)('%s', (_, over, sent) => {
    const subject = field({ autocomplete: 'one-time-code', ...over });
    expect(sentCode(subject) !== undefined).toBe(sent);
    expect(scoreField(subject).score >= 40).toBe(!sent);
  });
});

describe('a code from a printed list (backup, recovery, scratch) is no authenticator code', () => {
  it.each([
    ['NodeBB: "Enter one of your backup codes."', { form: { text: 'Enter one of your backup codes. Verify' } }, false],
    [
      'authentik: "Enter a one-time recovery code"',
      { form: { text: 'Enter a one-time recovery code for this user.' } },
      false,
    ],
    ['Gitea: heading "Two-Factor Scratch Code"', { heading: 'Two-Factor Scratch Code' }, false],
    ['a link "Use a scratch code" on a TOTP page', { form: { text: 'Passcode Verify Use a scratch code' } }, true],
    [
      'GitLab: the app, or one of your recovery codes',
      { form: { text: 'Enter the code from the two-factor app. You may enter one of your recovery codes.' } },
      true,
    ],
    ['Sentry: label "Authenticator or recovery code"', { label: 'Authenticator or recovery code' }, true],
    ['sourcehut: id recovery-code, one-time-code', { id: 'recovery-code', name: 'recovery-code' }, false],
  ] as const)('%s', (_, over, filled) => {
    const subject = field({ name: 'code', autocomplete: 'one-time-code', ...over });
    expect(scoreField(subject).score >= 40, JSON.stringify(scoreField(subject))).toBe(filled);
  });
});

describe('a bare input (no id, name or label) alone on the page', () => {
  it.each([
    [
      'NodeBB setup: the page asks for the app’s token',
      'Scan it via the GAuthenticator app, key in the generated token',
      true,
    ],
    ['the page names a one-time code', 'Enter the 6-digit one-time code', true],
    ['the page says nothing of codes', 'Your display name', false],
    ['a token, but no app', 'Paste your API token', false],
  ])('%s', (_, text, filled) => {
    expect(scoreField(field({ form: { text } }), { alone: true }).score >= 40).toBe(filled);
    expect(scoreField(field({ form: { text } }), { alone: false }).score >= 40).toBe(false);
  });
});

describe('what the review of the rules found', () => {
  it.each([
    [
      'the authenticator named in the page text outweighs "Check your phone"',
      { form: { text: 'Open your authenticator app. Check your phone for the code.' } },
      true,
    ],
    ['a "Resend code" link means the code was sent', { form: { actions: 'Resend code · Use a recovery code' } }, false],
    ['"Use a recovery code" as a link only', { form: { actions: 'Use a recovery code' } }, true],
    ['label "Code from your phone app"', { label: 'Code from your phone app', autocomplete: '' }, true],
    ['label "Mobile phone", no app', { label: 'Mobile phone', autocomplete: '' }, false],
  ] as const)('%s', (_, over, filled) => {
    const subject = field({ name: 'otp', autocomplete: 'one-time-code', inputMode: 'numeric', ...over });
    expect(scoreField(subject).score >= 40, JSON.stringify(scoreField(subject))).toBe(filled);
  });
});

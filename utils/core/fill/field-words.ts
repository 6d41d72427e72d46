/**
 * The words that tell a one-time-code field from others, and how they are found: each attribute
 * is tokenised on its own (camelCase, `_`, `-`, digits, spaces) and words match on token
 * boundaries, so words of two attributes never run together (`id=code name=code` is not
 * "decode"). The lists merge what Bitwarden, KeePassXC-Browser, 2FAS and Proton Pass look for
 * (INTERNALS.md, "Filling").
 */

export const STRONG_NAMES = new Set([
  'otp',
  'totp',
  'code',
  'token',
  'otc',
  'mfacode',
  'otpcode',
  'appotp',
  'apptotp',
  'totppin',
  'idvpin',
  '2facode',
  'twofactorcode',
  'verificationcode',
  'securitycode',
  'approvalscode',
  'onetimepassword',
  'onetimecode',
  'authcode',
  'twofacode',
  'mfaotp',
]);

/** Words that mean a one-time code by themselves (normalised): en, de, fr, es, pt, it, nl, pl, ru, ja, ko, zh. */
export const KEYWORDS = [
  'otp',
  'totp',
  'onetime',
  '2fa',
  'twofa',
  'twofactor',
  'secondfactor',
  'mfa',
  'authenticator',
  'authenticationcode',
  'verificationcode',
  'securitycode',
  'passcode',
  'challenge',
  '6digit',
  'sixdigit',
  'bestatigungscode',
  'verifizierungscode',
  'sicherheitscode',
  'einmalcode',
  'zweifaktor',
  'authentifizierungscode',
  'codedeverification',
  'codedesecurite',
  'codeausageunique',
  'authentification',
  'doubleauthentification',
  'codigodeverificacion',
  'codigodeverificacao',
  'autenticacion',
  'autenticacao',
  'doblefactor',
  'doisfatores',
  'codigodeseguridad',
  'codicediverifica',
  'codicedisicurezza',
  'verificatiecode',
  'eenmaligecode',
  'kodweryfikacyjny',
  'kodpotwierdzajacy',
  'кодподтверждения',
  'одноразовыйпароль',
  'кодизприложения',
  '認証コード',
  '確認コード',
  'ワンタイム',
  '인증코드',
  '验证码',
  '驗證碼',
  '动态密码',
  '动态口令',
];
/** Words that only count with a supporting signal (numeric shape, one field, an MFA heading). */
export const AMBIGUOUS = ['code', 'pin', 'token', 'auth', 'verification', 'verify', 'kod', 'codigo', 'codice'];
export const NEGATIVES = [
  'backup',
  'recovery',
  'scratch',
  'recover',
  'captcha',
  'search',
  'query',
  'find',
  'forgot',
  'coupon',
  'promo',
  'discount',
  'voucher',
  'giftcard',
  'zip',
  'postal',
  'postcode',
  'plz',
  'bank',
  'iban',
  'comment',
  'newsletter',
  'cvv',
  'cvc',
  'card',
  'phone',
  'mobile',
  'telephone',
  'encode',
  'decode',
  'sms',
  'text message',
  'email',
  'e-mail',
  'resend',
  'sendcode',
  'referral',
  'invite',
  'wiederherstellung',
  'gutschein',
  'rabatt',
  'postleitzahl',
  'handynummer',
  'telefon',
  'récupération',
  'recuperation',
  'recuperação',
  'cupón',
  'cupom',
];

/**
 * Lower case, accents on Latin letters and separators removed: "Bestätigungs-Code" ->
 * "bestatigungscode". Marks on other scripts stay (ド must not become ト).
 */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([a-z])\p{M}+/giu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.:·*()[\]/]+/g, '');
}

/**
 * The words of one text, normalised: split at camelCase, digits and anything not a letter, so
 * "totpPin2" -> ["totp", "pin", "2"] and "E-Mail" -> ["e", "mail"].
 */
export function tokenise(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`))
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map(normalise)
    .filter(Boolean);
}

/**
 * Whether `word` (normalised) is in one text's tokens: as a run of whole tokens ("one time" for
 * "onetime", "e mail" for "email"), or at the start or end of one token ("otpcode" has "otp").
 * Words of scripts written without spaces may stand anywhere in a token.
 */
function inTokens(tokens: readonly string[], word: string): boolean {
  const spaceless = !/[a-z0-9]/.test(word);
  for (let start = 0; start < tokens.length; start++) {
    const token = tokens[start]!;
    if (token.startsWith(word) || token.endsWith(word) || (spaceless && token.includes(word))) return true;
    let run = token;
    for (let end = start + 1; end < tokens.length && run.length < word.length; end++) {
      run += tokens[end];
      if (run === word) return true;
    }
  }
  return false;
}

/**
 * The first of `words` found in any one of `texts`, each text on its own: words never run
 * together across two attributes (id "code" and name "code" must not read as "decode").
 */
export function findWord(texts: readonly string[], words: readonly string[]): string | undefined {
  const tokenised = texts.map(tokenise);
  return words.find((word) => tokenised.some((tokens) => inTokens(tokens, normalise(word))));
}

/**
 * Said around a field whose code was sent by e-mail or SMS: these outweigh even
 * `autocomplete=one-time-code`, which sites also put on e-mailed codes. Phrases about a code
 * already sent, never an offer to send one ("Send a code by SMS instead" sits on TOTP pages too).
 */
export const SENT_CODE_CONTEXT = [
  'we sent',
  'weve sent',
  'we have sent',
  'we just sent',
  'we emailed',
  'we e mailed',
  'we texted',
  'emailed you',
  'e mailed you',
  'sent to your email',
  'sent to your e mail',
  'sent to your phone',
  'sent to your mobile',
  'sent to your inbox',
  'sent you a code',
  'sent a code',
  'code sent to',
  'code was sent',
  'has been sent',
  'have been sent',
  'been sent to you',
  'you have received',
  'youve received',
  'in your email',
  'in your e mail',
  'from your email',
  'from your e mail',
  'your inbox',
  'sent a verification code',
  'check your email',
  'check your inbox',
  'check your phone',
  'resend',
  'send again',
  'didnt receive',
  'didnt get',
  'gesendet',
  'zugeschickt',
  'nous avons envoye',
  'envoye par e mail',
  'hemos enviado',
  'te enviamos',
  'enviamos um codigo',
];

/** Beside the field (a button in its input group): the code is one the page sends. */
export const SEND_CODE_BESIDE = [
  'send code',
  'send a code',
  'send sms',
  'get code',
  'get a code',
  'resend',
  'send again',
  'code senden',
  'code anfordern',
  'envoyer le code',
  'enviar codigo',
];

/** A link or button that sends the code again: the code is one the page sent. */
export const RESEND_ACTIONS = [
  'resend',
  'send again',
  'send a new code',
  'send new code',
  'get a new code',
  'erneut senden',
  'neu senden',
  'renvoyer',
  'reenviar',
];

/** In a heading above the field, these say the step is an SMS or e-mail code. */
export const SENT_CODE_HEADINGS = ['sms', 'text message', 'email', 'e mail'];

/**
 * Said by the field's words, heading or form: the user is asked for an authenticator's code.
 * In the field's own words, these also outweigh a list-code word ("Authenticator or recovery
 * code", Sentry).
 */
export const AUTHENTICATOR_WORDS = [
  'authenticator',
  'totp',
  'authentication app',
  'authenticator app',
  '2fa app',
  'phone app',
  'mobile app',
  'your app',
  'the app',
  'two factor app',
  'authenticator-app',
  'authentifizierungs app',
  'application d authentification',
];

/**
 * Written around a field that asks for a code used once from a printed list, not an
 * authenticator's (NodeBB's "Enter one of your backup codes", authentik's "Enter a one-time
 * recovery code"), or a heading naming one. A link to such a page ("Use a scratch code") sits on
 * TOTP pages too and says nothing; pages that take both name the app, and stay filled.
 */
export const RECOVERY_CONTEXT = ['backup', 'recovery', 'scratch', 'emergency'].flatMap((kind) => [
  `enter one of your ${kind} codes`,
  `enter a ${kind} code`,
  `enter your ${kind} code`,
  `enter a one time ${kind} code`,
  `type one of your ${kind} codes`,
]);

/** A heading with these is a step that takes a recovery code. */
export const RECOVERY_HEADINGS = ['backup code', 'recovery code', 'scratch code', 'emergency code'];
/** A form holding any field with these words (or `autocomplete=cc-*`) is a payment form. */
export const CARD_WORDS = [
  'card',
  'cardnumber',
  'ccnumber',
  'cc num',
  'credit',
  'expiry',
  'expiration',
  'exp date',
  'exp month',
  'cvv',
  'cvc',
  'csc',
  'cardholder',
  'kreditkarte',
  'karte',
  'carte',
  'tarjeta',
  'cartao',
];

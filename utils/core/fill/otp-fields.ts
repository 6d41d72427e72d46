/**
 * Which input fields of a page take a one-time code, decided from DOM-free descriptions of them,
 * so the rules are a pure, table-tested function. The content script only describes fields and
 * fills the answer. The rules merge what Bitwarden, KeePassXC-Browser, 2FAS and Proton Pass look
 * for: which inputs can take a code at all; strong signs (`autocomplete` holding `one-time-code`,
 * a name such as otp or mfacode); keywords in a dozen languages; the field's shape; decoys that
 * count against it (recovery, coupon, SMS, card...); and split-digit boxes.
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fe-autocomplete-one-time-code
 */

/** What the content script tells about one `<input>`: attributes, text around it, its box. */
export interface FieldDescriptor {
  /** Lower-cased `type` attribute; '' when absent. */
  type: string;
  id: string;
  name: string;
  placeholder: string;
  ariaLabel: string;
  /** Text of its `<label>` (for=, wrapping, or aria-labelledby). */
  label: string;
  /** The nearest heading or legend above it. */
  heading: string;
  testId: string;
  autocomplete: string;
  inputMode: string;
  pattern: string;
  /** null when not set (the DOM reports -1). */
  maxLength: number | null;
  minLength: number | null;
  disabled: boolean;
  readOnly: boolean;
  tabIndex: number;
  visible: boolean;
  box: { x: number; y: number; width: number; height: number };
  /** Same value for inputs with the same parent element: split boxes share one. */
  group: number;
  /** Its form (or the page when there is none): submit text, how many `@`, whether it is a search form. */
  form: { submitText: string; text: string; atSigns: number; search: boolean };
}

export type OtpFieldsFound =
  { kind: 'single'; index: number; score: number } | { kind: 'split'; indexes: number[] } | { kind: 'none' };

const FILLABLE_TYPES = new Set(['', 'text', 'tel', 'number', 'password']);
const REFUSED_AUTOCOMPLETE =
  /\b(username|email|current-password|new-password|tel[\w-]*|cc-[\w-]+|postal-code|address-[\w-]+|street-address|country|name|given-name|family-name|organization)\b/;
const STRONG_NAMES = new Set([
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
const KEYWORDS = [
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
const AMBIGUOUS = ['code', 'pin', 'token', 'auth', 'verification', 'verify', 'kod', 'codigo', 'codice'];
const NEGATIVES = [
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
function has(texts: readonly string[], words: readonly string[]): string | undefined {
  const tokenised = texts.map(tokenise);
  return words.find((word) => tokenised.some((tokens) => inTokens(tokens, normalise(word))));
}

/** Why a field can never be a code field, or undefined when it may be one. */
export function refusal(field: FieldDescriptor): string | undefined {
  if (!FILLABLE_TYPES.has(field.type)) return `type ${field.type}`;
  if (field.disabled || field.readOnly) return 'disabled or read-only';
  if (field.tabIndex < 0) return 'not focusable';
  if (!field.visible) return 'not visible';
  if (field.inputMode === 'email') return 'e-mail input';
  const autocomplete = field.autocomplete.toLowerCase();
  if (!autocomplete.includes('one-time-code') && REFUSED_AUTOCOMPLETE.test(autocomplete))
    return `autocomplete ${autocomplete}`;
  if (field.maxLength !== null && field.maxLength > 20) return 'too long for a code';
  return undefined;
}

/** Numeric input, a digits pattern, or a code-like length. */
function shaped(field: FieldDescriptor): boolean {
  return (
    field.inputMode === 'numeric' ||
    field.type === 'number' ||
    field.type === 'tel' ||
    /\[0-9\]|\\d/.test(field.pattern) ||
    (field.maxLength !== null && field.maxLength >= 4 && field.maxLength <= 10) ||
    (field.minLength !== null && field.minLength >= 6 && field.minLength <= 8)
  );
}

/**
 * How strongly one field looks like a one-time-code field (higher is surer; 0 or less: it is
 * not one), with the reasons, for tests and for the "why not" message. `alone`: it is the only
 * input on the page a user could type in, which lets an ambiguous word ("Code") count.
 */
export function scoreField(field: FieldDescriptor, alone = false): { score: number; reasons: string[] } {
  const why = refusal(field);
  if (why) return { score: -100, reasons: [why] };
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };
  const own = [field.id, field.name, field.placeholder, field.ariaLabel, field.label, field.testId];
  const around = [field.heading, field.form.submitText];
  if (field.autocomplete.toLowerCase().includes('one-time-code')) add(100, 'autocomplete one-time-code');
  if (STRONG_NAMES.has(normalise(field.id)) || STRONG_NAMES.has(normalise(field.name)))
    add(60, 'named like a code field');
  const keyword = has(own, KEYWORDS);
  if (keyword) add(50, `says "${keyword}"`);
  const aroundKeyword = has(around, KEYWORDS);
  if (aroundKeyword) add(20, `heading or button says "${aroundKeyword}"`);
  const ambiguous = has(own, AMBIGUOUS);
  const supported =
    shaped(field) ||
    alone ||
    aroundKeyword !== undefined ||
    /verify|entercode|continue|submit|bestatigen|verifizieren|weiter/.test(normalise(around.join(' ')));
  if (ambiguous && !keyword && supported) add(40, `says "${ambiguous}" with support`);
  if (shaped(field)) add(15, 'numeric or code-length');
  if (field.type === 'password' && score < 100) add(-20, 'a password field');
  const negative =
    has(own, NEGATIVES) ??
    (field.form.search ? 'search form' : undefined) ??
    (field.form.atSigns > 1 ? 'several e-mail addresses' : undefined);
  const contextNegative = has(
    [field.form.text, field.heading],
    ['sms', 'text message', 'emailed', 'we sent', 'wir haben', 'per sms', 'resend'],
  );
  if (negative) add(-120, `decoy: ${negative}`);
  else if (
    contextNegative &&
    !field.autocomplete.toLowerCase().includes('one-time-code') &&
    !keyword?.match(/authenticator|totp/)
  )
    add(-60, `code sent by ${contextNegative}`);
  if (field.box.width < 20) add(-40, 'too narrow');
  return { score, reasons };
}

/** The score a single field needs to be filled. */
export const FILL_THRESHOLD = 40;

/**
 * Split boxes: 4-8 (Steam 5) visible inputs with one parent, one character each, the same size,
 * on one line; as many as the code has characters.
 */
export function findSplitGroup(fields: readonly FieldDescriptor[], codeLength: number): number[] | undefined {
  const groups = new Map<number, number[]>();
  fields.forEach((field, index) => {
    if (refusal(field) || field.type === 'password') return;
    const single = field.maxLength === 1 || (field.maxLength === null && field.box.width < 100);
    if (single) groups.set(field.group, [...(groups.get(field.group) ?? []), index]);
  });
  for (const indexes of groups.values()) {
    if (indexes.length !== codeLength || codeLength < 4 || codeLength > 8) continue;
    const boxes = indexes.map((index) => fields[index]!);
    const [first] = boxes;
    const sameSize = boxes.every(
      (field) =>
        Math.abs(field.box.width - first!.box.width) <= 2 && Math.abs(field.box.height - first!.box.height) <= 2,
    );
    const oneLine = boxes.every((field) => Math.abs(field.box.y - first!.box.y) <= 4);
    const leftToRight = boxes.every((field, i) => i === 0 || field.box.x > boxes[i - 1]!.box.x);
    const decoy = boxes.some((field) =>
      has([field.id, field.name, field.ariaLabel, field.label, field.placeholder], NEGATIVES),
    );
    if (sameSize && oneLine && leftToRight && !decoy) return indexes;
  }
  return undefined;
}

/** Where a code of `codeLength` characters goes on this page, if anywhere. */
export function findOtpFields(fields: readonly FieldDescriptor[], codeLength: number): OtpFieldsFound {
  const split = findSplitGroup(fields, codeLength);
  if (split) return { kind: 'split', indexes: split };
  // "A single visible input" lets an ambiguous word ("Code") count: the inputs counted are any the
  // user could type in, a username field included.
  const typable = fields.filter((field) => field.visible && !field.disabled && FILLABLE_TYPES.has(field.type));
  let best: { index: number; score: number } | undefined;
  fields.forEach((field, index) => {
    const { score } = scoreField(field, typable.length === 1);
    if (score >= FILL_THRESHOLD && (!best || score > best.score)) best = { index, score };
  });
  return best ? { kind: 'single', ...best } : { kind: 'none' };
}

/** Below this, a field the user pointed at is still a decoy (recovery, coupon, SMS, ...). */
const DECOY_SCORE = -50;

/**
 * The field the user right-clicked ("Fill one-time code" on an editable field) takes the code:
 * as part of its split group when it is one of the boxes, else on its own, even if nothing on it
 * says "code". Decoys and unfit fields stay refused, pointed at or not (INTERNALS.md, "Filling").
 */
export function findChosenField(
  fields: readonly FieldDescriptor[],
  codeLength: number,
  chosen: number,
): OtpFieldsFound {
  const field = fields[chosen];
  if (!field) return findOtpFields(fields, codeLength);
  const split = findSplitGroup(fields, codeLength);
  if (split?.includes(chosen)) return { kind: 'split', indexes: split };
  const { score } = scoreField(field, true);
  return score > DECOY_SCORE
    ? { kind: 'single', index: chosen, score: Math.max(score, FILL_THRESHOLD) }
    : { kind: 'none' };
}

/**
 * How strongly one field looks like a one-time-code field, from its own words, its shape and
 * what surrounds it: which inputs can take a code at all;
 * strong signs (`autocomplete` holding `one-time-code`, a name such as otp or mfacode); keywords
 * in a dozen languages; the field's shape; decoys that count against it (recovery, scratch,
 * coupon, card, SMS and e-mail codes...).
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fe-autocomplete-one-time-code
 */
import type { FieldDescriptor } from './field-descriptor';
import {
  AMBIGUOUS,
  AUTHENTICATOR_WORDS,
  findWord,
  KEYWORDS,
  NEGATIVES,
  normalise,
  RECOVERY_CONTEXT,
  RECOVERY_HEADINGS,
  RESEND_ACTIONS,
  SEND_CODE_BESIDE,
  SENT_CODE_CONTEXT,
  SENT_CODE_HEADINGS,
  STRONG_NAMES,
} from './field-words';

export const FILLABLE_TYPES = new Set(['', 'text', 'tel', 'number', 'password']);
const REFUSED_AUTOCOMPLETE =
  /\b(username|email|current-password|new-password|tel[\w-]*|cc-[\w-]+|postal-code|address-[\w-]+|street-address|country|name|given-name|family-name|organization)\b/;

/** Negative words that name a code from a printed list: an app named beside them outweighs them. */
const LIST_CODE_WORDS = new Set(['backup', 'recovery', 'recover', 'scratch']);
/** Words an app named beside them outweighs: "Authenticator or recovery code", "the code from your phone app". */
const APP_OUTWEIGHS = new Set([...LIST_CODE_WORDS, 'phone', 'mobile']);

/** The score a single field needs to be filled. */
export const FILL_THRESHOLD = 40;

/** What the rest of the page says about a field. */
export interface FieldContext {
  /** It is the only input on the page a user could type in: an ambiguous word ("Code") counts. */
  alone: boolean;
  /** The characters of the code to fill; a field that cannot hold them is no code field. */
  codeLength?: number;
  /** Another field of its form is a payment card's: "security code" there is the card's. */
  cardForm: boolean;
}

const oneTimeCode = (field: FieldDescriptor) => field.autocomplete.toLowerCase().includes('one-time-code');
const strongName = (field: FieldDescriptor) =>
  STRONG_NAMES.has(normalise(field.id)) || STRONG_NAMES.has(normalise(field.name));

/** Why a field can never be a code field, or undefined when it may be one. */
export function refusal(field: FieldDescriptor): string | undefined {
  if (!FILLABLE_TYPES.has(field.type)) return `type ${field.type}`;
  if (field.disabled || field.readOnly) return 'disabled or read-only';
  if (field.tabIndex < 0) return 'not focusable';
  if (!field.visible) return 'not visible';
  if (field.inputMode === 'email') return 'e-mail input';
  const autocomplete = field.autocomplete.toLowerCase();
  if (!oneTimeCode(field) && REFUSED_AUTOCOMPLETE.test(autocomplete)) return `autocomplete ${autocomplete}`;
  if (field.maxLength !== null && field.maxLength > 20) return 'too long for a code';
  return undefined;
}

/** The exact length a pattern such as `\d{4}` or `[0-9]{6}` asks for, if it asks for one. */
function patternLength(pattern: string): number | undefined {
  const exact = /^\^?(?:\\d|\[0-9\])\{(\d+)\}\$?$/.exec(pattern);
  return exact ? Number(exact[1]) : undefined;
}

/**
 * Why a field that may take some code cannot take this one: too short for it, or longer than
 * any one-time code (maxLength over 10) without a strong sign that it is one
 * (Amazon's code field allows 20).
 */
export function lengthRefusal(field: FieldDescriptor, codeLength: number | undefined): string | undefined {
  const limit = Math.min(field.maxLength ?? Infinity, patternLength(field.pattern) ?? Infinity);
  if (codeLength !== undefined && limit < codeLength) return `holds ${limit} characters, the code has ${codeLength}`;
  if (field.maxLength !== null && field.maxLength > 10 && !oneTimeCode(field) && !strongName(field))
    return 'too long for a code';
  return undefined;
}

/**
 * Why the code this field wants was sent by e-mail or SMS, or undefined: the page says so, and
 * neither the field nor its heading speaks of an authenticator.
 */
export function sentCode(field: FieldDescriptor): string | undefined {
  const own = [field.id, field.name, field.placeholder, field.ariaLabel, field.label, field.testId, field.heading];
  if (findWord([...own, field.form.text], AUTHENTICATOR_WORDS)) return undefined;
  const sent =
    findWord([field.form.text], SENT_CODE_CONTEXT) ??
    findWord([field.heading], SENT_CODE_HEADINGS) ??
    findWord([field.near], SEND_CODE_BESIDE) ??
    findWord([field.form.actions], RESEND_ACTIONS);
  return sent ? `code sent by e-mail or SMS: "${sent}"` : undefined;
}

/** The page asks for a code from a printed list (backup, recovery, scratch) and not an app's. */
export function recoveryCode(field: FieldDescriptor): string | undefined {
  const around = [field.heading, field.form.text];
  const own = [field.id, field.name, field.placeholder, field.ariaLabel, field.label, field.testId];
  const recovery = findWord(around, RECOVERY_CONTEXT) ?? findWord([field.heading], RECOVERY_HEADINGS);
  if (!recovery || findWord([...own, ...around], AUTHENTICATOR_WORDS)) return undefined;
  return `decoy: the page asks for a code from a list ("${recovery}")`;
}

/**
 * A bare input (no id, name, label...) is a code field only when it is alone and the page around
 * it asks for a code from an app: NodeBB's setup form has nothing else to go by.
 */
function codeAround(field: FieldDescriptor): boolean {
  const around = [field.heading, field.form.text];
  return (
    findWord(around, KEYWORDS) !== undefined ||
    (findWord(around, AMBIGUOUS) !== undefined && findWord(around, AUTHENTICATOR_WORDS) !== undefined)
  );
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
 * The score of one field (higher is surer; below FILL_THRESHOLD it is not filled), with the
 * reasons, for tests and for the "why not" message.
 */
export function scoreField(
  field: FieldDescriptor,
  context: Partial<FieldContext> = {},
): { score: number; reasons: string[] } {
  const why = refusal(field) ?? lengthRefusal(field, context.codeLength);
  if (why) return { score: -100, reasons: [why] };
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };
  const own = [field.id, field.name, field.placeholder, field.ariaLabel, field.label, field.testId];
  const around = [field.heading, field.form.submitText];
  if (oneTimeCode(field)) add(100, 'autocomplete one-time-code');
  if (strongName(field)) add(60, 'named like a code field');
  const keyword = findWord(own, KEYWORDS);
  if (keyword) add(50, `says "${keyword}"`);
  const aroundKeyword = findWord(around, KEYWORDS);
  if (aroundKeyword) add(20, `heading or button says "${aroundKeyword}"`);
  const ambiguous = findWord(own, AMBIGUOUS);
  const supported =
    shaped(field) ||
    context.alone === true ||
    aroundKeyword !== undefined ||
    /verify|entercode|continue|submit|bestatigen|verifizieren|weiter/.test(normalise(around.join(' ')));
  if (ambiguous && !keyword && supported) add(40, `says "${ambiguous}" with support`);
  if (shaped(field)) add(15, 'numeric or code-length');
  if (field.type === 'password' && score < 100) add(-20, 'a password field');
  // "Authenticator or recovery code": the field takes either, so the list word does not count.
  const appNamed = findWord(own, AUTHENTICATOR_WORDS) !== undefined;
  const negatives = appNamed ? NEGATIVES.filter((word) => !APP_OUTWEIGHS.has(word)) : NEGATIVES;
  const negative =
    findWord(own, negatives) ??
    (field.form.search ? 'search form' : undefined) ??
    (field.form.atSigns > 1 ? 'several e-mail addresses' : undefined);
  // A word naming another kind of code outweighs even one-time-code, which sites put on any code.
  if (negative) add(LIST_CODE_WORDS.has(negative) ? -200 : -120, `decoy: ${negative}`);
  else if (context.cardForm && !oneTimeCode(field)) add(-120, 'decoy: in a payment card form');
  // What the page says outweighs anything the field says: sites put one-time-code on any code.
  const elsewhere = recoveryCode(field) ?? sentCode(field);
  if (elsewhere) return { score: -100, reasons: [...reasons, elsewhere] };
  if (context.alone && !own.some(Boolean) && score === 0 && codeAround(field))
    add(40, 'the only input, where the page asks for a code');
  if (field.box.width < 20) add(-40, 'too narrow');
  return { score, reasons };
}

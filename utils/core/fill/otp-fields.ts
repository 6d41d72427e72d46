/**
 * Which input fields of a page take a one-time code, decided from DOM-free descriptions of them
 * (utils/fill/page/describe-fields.ts), so the rules are a pure, table-tested function: a group
 * of split boxes first (find-split-group.ts), else the best-scoring single field
 * (score-field.ts) with what the rest of the page says about it.
 */
import type { FieldDescriptor, OtpFieldsFound } from './field-descriptor';
import { CARD_WORDS, findWord } from './field-words';
import { FILL_THRESHOLD, FILLABLE_TYPES, scoreField, type FieldContext } from './score-field';
import { findSplitGroup } from './find-split-group';

/** A payment card's field: `autocomplete=cc-*`, or card words in its own attributes. */
function cardField(field: FieldDescriptor): boolean {
  return (
    /\bcc-/.test(field.autocomplete.toLowerCase()) ||
    findWord([field.id, field.name, field.placeholder, field.ariaLabel, field.label], CARD_WORDS) !== undefined
  );
}

/** What the page says about each field: alone on the page, in a payment form, the code's length. */
function contexts(fields: readonly FieldDescriptor[], codeLength: number): (index: number) => FieldContext {
  // "A single visible input" lets an ambiguous word ("Code") count: the inputs counted are any
  // the user could type in, a username field included.
  const typable = fields.filter((field) => field.visible && !field.disabled && FILLABLE_TYPES.has(field.type));
  return (index) => {
    const field = fields[index]!;
    // The field's own card words already count against it; the form's count for its neighbours.
    const others = fields.some((other, i) => i !== index && other.form.id === field.form.id && cardField(other));
    return { alone: typable.length === 1, codeLength, cardForm: others };
  };
}

/** Every field's score and reasons as a single field, with what the page says about it. */
export function scoreFields(
  fields: readonly FieldDescriptor[],
  codeLength: number,
): { score: number; reasons: string[] }[] {
  const contextOf = contexts(fields, codeLength);
  return fields.map((field, index) => scoreField(field, contextOf(index)));
}

/** Where a code of `codeLength` characters goes on this page, if anywhere. */
export function findOtpFields(fields: readonly FieldDescriptor[], codeLength: number): OtpFieldsFound {
  const split = findSplitGroup(fields, codeLength);
  if (split) return { kind: 'split', indexes: split };
  let best: { index: number; score: number } | undefined;
  scoreFields(fields, codeLength).forEach(({ score }, index) => {
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
  const { score } = scoreField(field, { ...contexts(fields, codeLength)(chosen), alone: true });
  return score > DECOY_SCORE
    ? { kind: 'single', index: chosen, score: Math.max(score, FILL_THRESHOLD) }
    : { kind: 'none' };
}

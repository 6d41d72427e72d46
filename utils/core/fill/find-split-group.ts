/**
 * Split boxes: one input per character of the code, grouped by what the user sees rather than
 * by markup. Component libraries (MUI, Chakra, PayPal's and many React
 * widgets) wrap each box in an element of its own, so boxes rarely share a parent; they do sit
 * on one row, at one size, side by side, in one form, under a common container a few levels up.
 */
import type { FieldDescriptor } from './field-descriptor';
import { findWord, NEGATIVES } from './field-words';
import { recoveryCode, refusal, sentCode } from './score-field';

/** How far up two neighbouring boxes may look for the element they share. */
const MAX_COMMON_DEPTH = 4;

/**
 * One character per box: maxlength 1, or narrower than a text field with no maxlength or one
 * that takes the whole code (Vuetify's and others' first box, which takes a paste).
 */
function oneCharacter(field: FieldDescriptor, codeLength: number): boolean {
  // Boxes take turns at being focusable (roving tabindex, Chakra's PinInput): tabindex -1 is fine.
  if (refusal({ ...field, tabIndex: 0 }) || field.type === 'password') return false;
  if (field.box.width < 10 || field.box.height < 10) return false;
  return (
    field.maxLength === 1 || (field.box.width < 100 && (field.maxLength === null || field.maxLength === codeLength))
  );
}

const close = (a: number, b: number, slack: number) => Math.abs(a - b) <= Math.max(2, slack);

/** Levels up from `a` to the nearest element `a` and `b` share, or Infinity. */
function commonDepth(a: FieldDescriptor, b: FieldDescriptor): number {
  const depthA = a.containers.findIndex((container) => b.containers.includes(container));
  if (depthA < 0) return Infinity;
  return Math.max(depthA, b.containers.indexOf(a.containers[depthA]!));
}

/**
 * Whether `next` continues the row of boxes that `previous` ends: same form and type, same
 * size and line, to the right with at most a separator's gap, sharing a container close by.
 */
function continuesRow(previous: FieldDescriptor, next: FieldDescriptor): boolean {
  const a = previous.box;
  const b = next.box;
  const gap = b.x - (a.x + a.width);
  return (
    previous.form.id === next.form.id &&
    previous.type === next.type &&
    close(a.width, b.width, a.width * 0.1) &&
    close(a.height, b.height, a.height * 0.1) &&
    close(a.y + a.height / 2, b.y + b.height / 2, a.height * 0.25) &&
    gap >= -1 &&
    gap <= Math.max(24, a.width * 1.5) &&
    commonDepth(previous, next) <= MAX_COMMON_DEPTH
  );
}

/**
 * The indexes of 4-8 (Steam: 5) boxes that take one character each of a code that long, or
 * undefined. A group must have exactly as many boxes as the code has characters.
 */
export function findSplitGroup(fields: readonly FieldDescriptor[], codeLength: number): number[] | undefined {
  if (codeLength < 4 || codeLength > 8) return undefined;
  const rows: number[][] = [];
  let row: number[] = [];
  fields.forEach((field, index) => {
    if (!oneCharacter(field, codeLength)) return;
    const last = row.at(-1);
    if (last !== undefined && continuesRow(fields[last]!, field)) row.push(index);
    else rows.push((row = [index]));
  });
  return rows.find(
    (indexes) =>
      indexes.length === codeLength &&
      indexes.some((index) => fields[index]!.tabIndex >= 0) &&
      !indexes.some((index) => {
        const field = fields[index]!;
        return (
          findWord([field.id, field.name, field.ariaLabel, field.label, field.placeholder], NEGATIVES) ??
          sentCode(field) ??
          recoveryCode(field)
        );
      }),
  );
}

/**
 * Runs in the page: puts a code into the field(s) utils/core/fill/otp-fields.ts chose, the way the
 * page's own framework will believe (React, Vue, Angular and others: the prototype's value setter,
 * then the events a typing user causes), then reads back what the fields hold.
 * @see https://github.com/facebook/react/issues/10135 (why the prototype's setter: React tracks
 * `value` on the element, and an input event after `el.value = ...` looks like no change to it)
 */

/**
 * The value through HTMLInputElement's own setter: frameworks that redefine `value` on the
 * element still see a change.
 */
function setNative(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
}

/** Focus, key, value, input, key, change: the events a typing user causes, in that order. */
export function fillInput(input: HTMLInputElement, value: string): void {
  if (input.ownerDocument.activeElement !== input) input.focus();
  else input.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: value.at(-1) ?? '' }));
  setNative(input, value);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: value.at(-1) ?? '' }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Fills one field; true when it holds the code afterwards (a controlled input may refuse it). */
export async function fillSingle(input: HTMLInputElement, code: string): Promise<boolean> {
  fillInput(input, code);
  await nextFrame();
  return input.value.replace(/\s/g, '') === code;
}

/** Waits up to `frames` frames for `done` to hold (widgets spread a paste a frame or two later). */
async function settle(done: () => boolean, frames: number): Promise<boolean> {
  for (let i = 0; i < frames && !done(); i++) await nextFrame();
  return done();
}

/**
 * Split boxes: paste the whole code into the first box (most widgets spread a paste, some a frame
 * or two later), then put right every box that does not hold its character, one box per frame:
 * a widget that moves focus on input (Chakra's PinInput) hangs when boxes are filled in one task.
 */
export async function fillSplit(boxes: readonly HTMLInputElement[], code: string): Promise<boolean> {
  const [first] = boxes;
  if (!first) return false;
  const filled = () => boxes.every((box, i) => box.value === code[i]);
  first.focus();
  const data = new DataTransfer();
  data.setData('text/plain', code);
  first.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  if (await settle(filled, 4)) return true;
  for (const [i, box] of boxes.entries()) {
    if (box.value === code[i]) continue;
    fillInput(box, code[i]!);
    await nextFrame();
  }
  return settle(filled, 2);
}

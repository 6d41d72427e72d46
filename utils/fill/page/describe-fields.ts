/**
 * Runs in the page: describes every input the user could type a code into (open shadow roots
 * included) for the pure scorer in utils/core/fill/otp-fields.ts, and keeps the elements so the fill
 * can find them again by index.
 */
import type { FieldDescriptor } from '../../core/fill/otp-fields';

const HEADINGS = 'h1, h2, h3, h4, legend, [role="heading"]';

/** Input types a code can be typed into; the rest (checkboxes, radios, ...) are never described. */
const TYPABLE = new Set(['', 'text', 'tel', 'number', 'password']);

/** Every `<input>` a code could be typed into under `root`, walking into open shadow roots. */
export function allInputs(root: Document | ShadowRoot = document): HTMLInputElement[] {
  const found: HTMLInputElement[] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    for (const input of node.querySelectorAll('input'))
      if (TYPABLE.has((input.getAttribute('type') ?? '').toLowerCase())) found.push(input);
    // Only elements that host a shadow root need a second look: most pages have none.
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
  };
  walk(root);
  return found;
}

function labelOf(input: HTMLInputElement): string {
  const labelled = input.getAttribute('aria-labelledby');
  const byIds = labelled
    ? labelled
        .split(/\s+/)
        .map((id) => input.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' ')
    : '';
  return [...(input.labels ?? [])].map((label) => label.textContent ?? '').join(' ') + byIds;
}

/** The nearest heading before the input in document order, within its form or section if any. */
function headingOf(input: HTMLInputElement): string {
  const scope = input.closest('form, section, [role="dialog"], main') ?? input.ownerDocument.body;
  let heading = '';
  for (const candidate of scope?.querySelectorAll(HEADINGS) ?? []) {
    if (candidate.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING)
      heading = candidate.textContent ?? '';
  }
  return heading;
}

function visible(input: HTMLInputElement): boolean {
  const { width, height } = input.getBoundingClientRect();
  if (width < 1 || height < 1) return false;
  const style = getComputedStyle(input);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.05;
}

/** What a form (or the page, for inputs outside one) says, worked out once per form. */
function formInfo(form: HTMLFormElement | null, doc: Document): FieldDescriptor['form'] {
  const text = ((form ?? doc.body)?.textContent ?? '').slice(0, 20_000);
  const submit = form?.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
  return {
    submitText: (submit instanceof HTMLInputElement ? submit.value : submit?.textContent) ?? '',
    text: text.slice(0, 2000),
    atSigns: (text.match(/@/g) ?? []).length,
    search: form?.getAttribute('role') === 'search' || form?.matches('[action*="search" i]') === true,
  };
}

export function describeFields(inputs: readonly HTMLInputElement[]): FieldDescriptor[] {
  const groups = new Map<Element | null, number>();
  const forms = new Map<HTMLFormElement | null, FieldDescriptor['form']>();
  return inputs.map((input) => {
    const parent = input.parentElement;
    if (!groups.has(parent)) groups.set(parent, groups.size);
    const form = input.form ?? input.closest('form');
    if (!forms.has(form)) forms.set(form, formInfo(form, input.ownerDocument));
    const { x, y, width, height } = input.getBoundingClientRect();
    return {
      type: (input.getAttribute('type') ?? '').toLowerCase(),
      id: input.id,
      name: input.name,
      placeholder: input.placeholder,
      ariaLabel: input.getAttribute('aria-label') ?? '',
      label: labelOf(input),
      heading: headingOf(input),
      testId: input.getAttribute('data-testid') ?? '',
      autocomplete: input.getAttribute('autocomplete') ?? '',
      inputMode: input.inputMode,
      pattern: input.pattern,
      maxLength: input.maxLength >= 0 ? input.maxLength : null,
      minLength: input.minLength >= 0 ? input.minLength : null,
      disabled: input.disabled,
      readOnly: input.readOnly,
      tabIndex: input.tabIndex,
      visible: visible(input),
      box: { x, y, width, height },
      group: groups.get(parent)!,
      form: forms.get(form)!,
    };
  });
}

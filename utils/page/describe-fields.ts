/**
 * Runs in the page: describes every input the user could type a code into (open shadow roots
 * included) for the pure scorer in utils/core/otp-fields.ts, and keeps the elements so the fill
 * can find them again by index.
 */
import type { FieldDescriptor } from '../core/otp-fields';

const HEADINGS = 'h1, h2, h3, h4, legend, [role="heading"]';

/** Every `<input>` under `root`, walking into open shadow roots. */
export function allInputs(root: Document | ShadowRoot = document): HTMLInputElement[] {
  const found: HTMLInputElement[] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    for (const element of node.querySelectorAll('*')) {
      if (element instanceof HTMLInputElement) found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
  return found;
}

function labelOf(input: HTMLInputElement): string {
  const labelled = input.getAttribute('aria-labelledby');
  const byIds = labelled ? labelled.split(/\s+/).map((id) => input.ownerDocument.getElementById(id)?.textContent ?? '').join(' ') : '';
  return [...(input.labels ?? [])].map((label) => label.textContent ?? '').join(' ') + byIds;
}

/** The nearest heading before the input in document order, within its form or section if any. */
function headingOf(input: HTMLInputElement): string {
  const scope = input.closest('form, section, [role="dialog"], main') ?? input.ownerDocument.body;
  let heading = '';
  for (const candidate of scope?.querySelectorAll(HEADINGS) ?? []) {
    if (candidate.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING) heading = candidate.textContent ?? '';
  }
  return heading;
}

function visible(input: HTMLInputElement): boolean {
  const { width, height } = input.getBoundingClientRect();
  if (width < 1 || height < 1) return false;
  const style = getComputedStyle(input);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.05;
}

export function describeFields(inputs: readonly HTMLInputElement[]): FieldDescriptor[] {
  const groups = new Map<Element | null, number>();
  return inputs.map((input) => {
    const parent = input.parentElement;
    if (!groups.has(parent)) groups.set(parent, groups.size);
    const form = input.form ?? input.closest('form');
    const formText = (form ?? input.ownerDocument.body)?.textContent ?? '';
    const submit = form?.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
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
      form: {
        submitText: (submit instanceof HTMLInputElement ? submit.value : submit?.textContent) ?? '',
        text: formText.slice(0, 2000),
        atSigns: (formText.match(/@/g) ?? []).length,
        search: form?.getAttribute('role') === 'search' || input.type === 'search' || form?.matches('[action*="search" i]') === true,
      },
    };
  });
}

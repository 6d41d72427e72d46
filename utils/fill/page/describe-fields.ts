/**
 * Runs in the page: describes every input the user could type a code into (open shadow roots
 * included) for the pure scorer in utils/core/fill/otp-fields.ts, and keeps the elements so the fill
 * can find them again by index.
 */
import type { FieldDescriptor } from '../../core/fill/field-descriptor';

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

/** The last heading before the input in document order within `scope`, or ''. */
function lastHeadingBefore(input: HTMLInputElement, scope: Element | null): string {
  let heading = '';
  for (const candidate of scope?.querySelectorAll(HEADINGS) ?? []) {
    if (candidate.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING)
      heading = candidate.textContent ?? '';
  }
  return heading;
}

/**
 * The nearest heading before the input: within its form, else within its section, dialog or
 * main part (many pages title the step above the form: "Code by Email").
 */
function headingOf(input: HTMLInputElement): string {
  const form = input.closest('form');
  const inForm = form ? lastHeadingBefore(input, form) : '';
  if (inForm) return inForm;
  const scope = (form ?? input).parentElement?.closest('section, [role="dialog"], main') ?? input.ownerDocument.body;
  return lastHeadingBefore(input, scope);
}

/**
 * The text right beside the input: of the nearest of its few closest ancestors that has any
 * (a "Send code" button in the same input group).
 */
function nearText(input: HTMLInputElement): string {
  let node = input.parentElement;
  for (let level = 0; node && level < 3 && node !== input.form; level++, node = node.parentElement) {
    // Buttons count here: a "Send code" button beside the field says what the field is for.
    const text = visibleText(node, 200, 'script, style, template, noscript, [hidden], [aria-hidden="true"]');
    if (text) return text;
  }
  return '';
}

/** How many ancestors each field tells (split boxes share one within a few levels). */
const CONTAINER_LEVELS = 6;

/**
 * Laid out, not hidden by style, not inert, and not pushed off the page (the "visually hidden"
 * trick moves inputs to -9999 px).
 */
function visible(input: HTMLInputElement): boolean {
  const { width, height, right, bottom } = input.getBoundingClientRect();
  if (width < 1 || height < 1 || right + scrollX < 0 || bottom + scrollY < 0) return false;
  if (input.closest('[inert]')) return false;
  const style = getComputedStyle(input);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.05;
}

/** Elements whose words are no statement of the page's: offers (links, buttons) and code. */
const NOT_STATEMENTS = 'a, button, script, style, template, noscript, [hidden], [aria-hidden="true"]';

/**
 * The words a user can read in `root`, up to `budget` characters: hidden steps, scripts, and
 * the words of links and buttons ("Send a code by SMS instead") left out.
 */
function visibleText(root: Element | null, budget: number, skip = NOT_STATEMENTS): string {
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && length < budget; node = walker.nextNode()) {
    const text = node.nodeValue?.replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest(skip)) continue;
    if (parent.checkVisibility && !parent.checkVisibility()) continue;
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(' ').slice(0, budget);
}

/** The words of the links and buttons a user can see in `root`, up to `budget` characters. */
function actionText(root: Element | null, budget: number): string {
  const parts: string[] = [];
  for (const action of root?.querySelectorAll('a, button, [role="button"], [role="link"]') ?? []) {
    if (parts.join(' ').length >= budget) break;
    const text = action.textContent?.replace(/\s+/g, ' ').trim();
    if (text && (!action.checkVisibility || action.checkVisibility())) parts.push(text);
  }
  return parts.join(' · ').slice(0, budget);
}

/** What a form (or the page, for inputs outside one) says, worked out once per form. */
function formInfo(form: HTMLFormElement | null, doc: Document, id: number): FieldDescriptor['form'] {
  const text = ((form ?? doc.body)?.textContent ?? '').slice(0, 20_000);
  // What is written around the form too ("We sent you a text message" above it).
  const around = visibleText(form?.parentElement ?? doc.body, 2000);
  const submit = form?.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
  return {
    id,
    submitText: (submit instanceof HTMLInputElement ? submit.value : submit?.textContent) ?? '',
    text: around,
    actions: actionText(form?.parentElement ?? doc.body, 500),
    atSigns: (text.match(/@/g) ?? []).length,
    search: form?.getAttribute('role') === 'search' || form?.matches('[action*="search" i]') === true,
  };
}

/** The element above `node`, stepping out of a shadow root to its host. */
function parentOf(node: Element): Element | null {
  return node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
}

export function describeFields(inputs: readonly HTMLInputElement[]): FieldDescriptor[] {
  const containerIds = new Map<Element, number>();
  const idOf = (element: Element) => {
    if (!containerIds.has(element)) containerIds.set(element, containerIds.size);
    return containerIds.get(element)!;
  };
  const forms = new Map<HTMLFormElement | null, FieldDescriptor['form']>();
  return inputs.map((input) => {
    const containers: number[] = [];
    for (let node = parentOf(input); node && containers.length < CONTAINER_LEVELS; node = parentOf(node))
      containers.push(idOf(node));
    const form = input.form ?? input.closest('form');
    if (!forms.has(form)) forms.set(form, formInfo(form, input.ownerDocument, forms.size));
    const { x, y, width, height } = input.getBoundingClientRect();
    return {
      type: (input.getAttribute('type') ?? '').toLowerCase(),
      id: input.id,
      name: input.name,
      placeholder: input.placeholder,
      ariaLabel: input.getAttribute('aria-label') ?? '',
      label: labelOf(input),
      heading: headingOf(input),
      near: nearText(input),
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
      containers,
      form: forms.get(form)!,
    };
  });
}

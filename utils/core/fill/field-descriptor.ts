/**
 * What the content script tells the pure scorer about one `<input>`: attributes, text around
 * it, its box and where it sits in the page. Nothing here is an element, so the rules are
 * table-tested without a DOM.
 */
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
  /** Text right beside it (its closest ancestors' few words: a "Send code" button). */
  near: string;
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
  /**
   * Its ancestors, nearest first (a few levels), each as a number that is the same for the same
   * element: split boxes that each sit in a wrapper of their own still share one a few levels up.
   */
  containers: number[];
  /**
   * Its form (or the page when there is none): the same `id` for fields of one form, the submit
   * text, the words a user can read around it (the form's parent, links and buttons left out),
   * the words of those links and buttons, how many `@`, whether it is a search form.
   */
  form: { id: number; submitText: string; text: string; actions: string; atSigns: number; search: boolean };
}

export type OtpFieldsFound =
  { kind: 'single'; index: number; score: number } | { kind: 'split'; indexes: number[] } | { kind: 'none' };

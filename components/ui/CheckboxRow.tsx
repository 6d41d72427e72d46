import type { ComponentChildren, JSX } from 'preact';

interface Props extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'label' | 'type'> {
  /** checkbox (default) or radio. */
  type?: 'checkbox' | 'radio';
  children: ComponentChildren;
}

/**
 * A checkbox (or radio) beside its label: the label wraps the input, so clicking the text ticks
 * it and the text is its accessible name; long text wraps beside the box, never under it.
 */
export function CheckboxRow({ type = 'checkbox', children, class: extra, ...input }: Props) {
  return (
    <label class={extra ? `check-row ${String(extra)}` : 'check-row'}>
      <input type={type} {...input} /> <span>{children}</span>
    </label>
  );
}

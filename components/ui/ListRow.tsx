import type { ComponentChildren } from 'preact';

interface Props {
  /** The row's main content: a title, or a CheckboxRow whose label is the title. */
  children: ComponentChildren;
  /** A muted line under it (kind, digits, where it came from). */
  detail?: ComponentChildren;
}

/** One row of a divided list (`<ul class="list-rows">`): its content, and a detail line under it. */
export function ListRow({ children, detail }: Props) {
  return (
    <li>
      {children}
      {detail !== undefined && <span class="list-row-detail">{detail}</span>}
    </li>
  );
}

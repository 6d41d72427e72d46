import type { ComponentChildren } from 'preact';

interface Props {
  /** dialog, or alertdialog for a warning that interrupts. */
  role?: 'dialog' | 'alertdialog';
  /** The ids of its title and its text. */
  titleId: string;
  textId: string;
  /** danger: a warning (a red top edge). */
  tone?: 'default' | 'danger';
  class?: string;
  children: ComponentChildren;
}

/** A question asked over the screen: a raised card that names itself by its title and text. */
export function Dialog({ role = 'dialog', titleId, textId, tone = 'default', class: extra, children }: Props) {
  const classes = ['card', 'dialog', tone === 'danger' && 'dialog-danger', extra].filter(Boolean).join(' ');
  return (
    <section class={classes} role={role} aria-labelledby={titleId} aria-describedby={textId}>
      {children}
    </section>
  );
}

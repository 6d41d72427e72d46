import type { ComponentChildren } from 'preact';

interface Props {
  /** The heading's id, which names the card (aria-labelledby). */
  id: string;
  title: ComponentChildren;
  /** h2 for a screen's cards, h3 for a group inside one. */
  level?: 2 | 3;
  class?: string;
  children?: ComponentChildren;
}

/** A titled section of a screen, separated from the card before it. */
export function Card({ id, title, level = 2, class: extra, children }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class={extra ? `card ${extra}` : 'card'} aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {children}
    </section>
  );
}

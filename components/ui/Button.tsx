import type { JSX } from 'preact';

interface Props extends JSX.ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the screen's main action; danger: loses data; secondary (default): the rest. */
  variant?: 'primary' | 'secondary' | 'danger';
}

/** A text button in one of the three looks design.css gives buttons. */
export function Button({ variant = 'secondary', type = 'button', class: extra, ...rest }: Props) {
  const look = variant === 'secondary' ? '' : variant;
  return <button type={type} class={[look, extra].filter(Boolean).join(' ') || undefined} {...rest} />;
}

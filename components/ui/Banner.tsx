import type { ComponentChildren } from 'preact';

interface Props {
  tone?: 'info' | 'warning' | 'danger';
  /** status: announced politely; alert: announced at once; none: read in place. */
  role?: 'status' | 'alert';
  children: ComponentChildren;
}

/** A message across a screen: a notice, a warning, or a danger, on its own tinted ground. */
export function Banner({ tone = 'warning', role, children }: Props) {
  return (
    <p class={`banner banner-${tone}`} role={role}>
      {children}
    </p>
  );
}

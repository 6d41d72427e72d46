import type { JSX } from 'preact';
import type { LucideIcon } from 'lucide-preact';

interface Props extends Omit<JSX.HTMLAttributes<HTMLButtonElement>, 'icon' | 'label'> {
  /** The accessible name, also shown as the tooltip (on hover and keyboard focus only). */
  label: string;
  /** A lucide-preact icon, imported by name so only the icons used are bundled. */
  icon: LucideIcon;
}

/**
 * A square button showing only an icon. Its name is the aria-label; design.css draws the same
 * text as a tooltip from that attribute, so the tooltip takes no space until shown and screen
 * readers hear the name once.
 */
export function IconButton({ label, icon: Icon, class: extra, ...rest }: Props) {
  return (
    <button type="button" {...rest} class={['icon-button', extra].filter(Boolean).join(' ')} aria-label={label}>
      <Icon size={18} aria-hidden="true" />
    </button>
  );
}

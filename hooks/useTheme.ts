/**
 * Applies the user's theme (light, dark or system) to the page. A layout effect, so it is in
 * place before the frame that shows the vault: no frame in the wrong theme, and no second style
 * pass after the first one.
 */
import { useLayoutEffect } from 'preact/hooks';
import type { Settings } from '../utils/core/vault/settings';

export function useTheme(theme: Settings['theme'] | undefined): void {
  const applied = theme ?? 'system';
  useLayoutEffect(() => void (document.documentElement.dataset.theme = applied), [applied]);
}

/**
 * "Open in side panel" in the popup's settings: offered where the browser has a side panel (not
 * Firefox for Android, not the panel itself). The popup's window is looked up when settings
 * open, because the panel opens only during the click (utils/popup/side-panel.ts).
 */
import { useEffect, useRef } from 'preact/hooks';
import { canOpenSidePanel, currentWindowId, openSidePanel } from '../utils/popup/side-panel';

/** `shown`: whether settings are open (the popup's first screen spends no message on this). */
export function useSidePanel(shown: boolean): (() => void) | undefined {
  const windowId = useRef<number>();
  const available = canOpenSidePanel();
  useEffect(() => {
    if (available && shown) void currentWindowId().then((id) => (windowId.current = id));
  }, [available, shown]);
  return available ? () => void openSidePanel(windowId.current).catch(() => undefined) : undefined;
}

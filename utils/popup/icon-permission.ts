import { browser } from 'wxt/browser';

/** Chrome's optional permission for its favicon cache (`_favicon/`), declared in wxt.config.ts. */
const FAVICON = { permissions: ['favicon'] };

/**
 * Asks for what site icons need, inside the click that turned them on (permissions.request needs
 * a user gesture): Chrome's optional `favicon` permission
 * (https://developer.chrome.com/docs/extensions/how-to/ui/favicons). Firefox needs none: its icons
 * are captured on bind or fill. Resolves whether icons may be shown.
 */
export async function requestIconPermission(): Promise<boolean> {
  if (import.meta.env.BROWSER === 'firefox') return true;
  const permissions = browser.permissions as unknown as {
    request(request: typeof FAVICON): Promise<boolean>;
  };
  try {
    return await permissions.request(FAVICON);
  } catch {
    return false; // an older Chrome without the permission refuses the request
  }
}

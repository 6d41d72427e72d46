import { browser } from 'wxt/browser';

/** Chrome's optional permission for its favicon cache (`_favicon/`), declared in wxt.config.ts. */
const FAVICON = { permissions: ['favicon'] };

/** browser.permissions, typed for a permission name the polyfill's types do not list. */
const permissions = () =>
  browser.permissions as unknown as {
    request(request: typeof FAVICON): Promise<boolean>;
    remove(request: typeof FAVICON): Promise<boolean>;
  };

/**
 * Asks for what site icons need, inside the click that turned them on (permissions.request needs
 * a user gesture): Chrome's optional `favicon` permission
 * (https://developer.chrome.com/docs/extensions/how-to/ui/favicons). Firefox needs none: its icons
 * are captured on bind or fill. Resolves whether icons may be shown.
 */
export async function requestIconPermission(): Promise<boolean> {
  if (import.meta.env.BROWSER === 'firefox') return true;
  try {
    return await permissions().request(FAVICON);
  } catch {
    return false; // an older Chrome without the permission refuses the request
  }
}

/**
 * Gives the `favicon` permission back when icons are turned off: least privilege, and the
 * browser's extension page then lists it no more. Nothing to do in Firefox; a build that holds it
 * from the start (the e2e build) cannot give it back, and that refusal is ignored.
 */
export async function releaseIconPermission(): Promise<void> {
  if (import.meta.env.BROWSER === 'firefox') return;
  await permissions()
    .remove(FAVICON)
    .catch(() => false);
}

import { browser } from 'wxt/browser';

/** The optional permission automatic backups write their files with, declared in wxt.config.ts. */
const DOWNLOADS = { permissions: ['downloads'] as 'downloads'[] };

/**
 * Asks for the `downloads` permission inside the click that turned automatic backups on
 * (permissions.request needs a user gesture, in Chrome and Firefox). Resolves whether it is held.
 */
export async function requestDownloadsPermission(): Promise<boolean> {
  try {
    return await browser.permissions.request(DOWNLOADS);
  } catch {
    return false;
  }
}

/**
 * Gives `downloads` back when automatic backups are turned off: least privilege. A build that
 * holds it from the start (the e2e build) cannot give it back, and that refusal is ignored.
 */
export async function releaseDownloadsPermission(): Promise<void> {
  await browser.permissions.remove(DOWNLOADS).catch(() => false);
}

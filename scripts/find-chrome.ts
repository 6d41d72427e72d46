/**
 * Finds a Chromium or Chrome to run Tessera in (`CHROME_PATH`, then PATH, then the usual
 * places); `ensureChrome` installs Debian's `chromium` when none is found and we are root.
 */
import { ensureBrowser, findBrowser, type BrowserKind, type EnsureOptions } from './find-browser';

export const NO_CHROME_MESSAGE =
  'No Chromium or Chrome was found. Install one (Debian/Ubuntu: sudo apt-get install chromium), ' +
  'or set CHROME_PATH to its executable, e.g. CHROME_PATH=/usr/bin/chromium.';

const CHROME: BrowserKind = {
  envVar: 'CHROME_PATH',
  names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'],
  locations: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ],
  debianPackage: 'chromium',
  missing: NO_CHROME_MESSAGE,
};

/** Google Chrome 137+ ignores --load-extension unless this feature is turned off; Chromium obeys it. */
export const ALLOW_LOAD_EXTENSION = '--disable-features=DisableLoadExtensionCommandLineSwitch';

export const findChrome = (): string | undefined => findBrowser(CHROME);

export const ensureChrome = (options: EnsureOptions = {}): string => ensureBrowser(CHROME, options);

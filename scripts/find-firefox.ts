/**
 * Finds a Firefox for the Firefox end-to-end test (`FIREFOX_PATH`, then PATH, then the usual
 * places); `ensureFirefox` installs Debian's `firefox-esr` when none is found and we are root.
 * Playwright cannot drive Debian's Firefox; the test speaks WebDriver BiDi to it (e2e/firefox.ts).
 */
import { ensureBrowser, findBrowser, type BrowserKind, type EnsureOptions } from './find-browser';

export const NO_FIREFOX_MESSAGE =
  'No Firefox was found, so the Firefox test is skipped. ' +
  'Install one (Debian/Ubuntu: sudo apt-get install firefox-esr), ' +
  'or set FIREFOX_PATH to its executable, e.g. FIREFOX_PATH=/usr/bin/firefox-esr.';

const FIREFOX: BrowserKind = {
  envVar: 'FIREFOX_PATH',
  names: ['firefox-esr', 'firefox'],
  locations: ['/Applications/Firefox.app/Contents/MacOS/firefox', 'C:\\Program Files\\Mozilla Firefox\\firefox.exe'],
  debianPackage: 'firefox-esr',
  missing: NO_FIREFOX_MESSAGE,
};

export const findFirefox = (): string | undefined => findBrowser(FIREFOX);

export const ensureFirefox = (options: EnsureOptions = {}): string => ensureBrowser(FIREFOX, options);

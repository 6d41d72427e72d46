/**
 * Least privilege, checked on the built manifests: a release build asks for no host access at
 * install (only the e2e build has it, because tests cannot click the toolbar to grant activeTab);
 * the side panel may ask for one site at a time later (optional_host_permissions).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD, FIREFOX_BUILD, PRODUCTION_BUILD } from './harness';

/**
 * What a release build may ever ask for (INTERNALS.md, "Builds"); a feature that needs more adds
 * it to this list. clipboardWrite and offscreen are for clearing a copied code after 30 s
 * (INTERNALS.md, "The popup"); clipboardRead is not needed (the clipboard is never read).
 */
const ALLOWED_PERMISSIONS = [
  'activeTab',
  'scripting',
  'contextMenus',
  'storage',
  'alarms',
  'clipboardWrite',
  'offscreen',
  // Chrome's side panel (issue 16); no install warning.
  'sidePanel',
];

/**
 * Host access nothing asks for at install: the side panel asks for one account's sites at a time,
 * at the first fill there from the panel, which activeTab never covers (utils/core/fill/access-patterns.ts).
 */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

function manifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe.each([
  ['Chrome', PRODUCTION_BUILD],
  ['Firefox', FIREFOX_BUILD],
])('the %s release manifest', (_, dir) => {
  const built = manifest(dir);
  it('is Manifest V3', () => {
    expect(built.manifest_version).toBe(3);
  });
  it('holds no host permission at install (only optional ones, asked per site) and nothing web pages can call', () => {
    expect(built.host_permissions ?? []).toEqual([]);
    expect(built.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    // Host patterns among API permissions would be granted at install (Manifest V2's way).
    expect([
      ...((built.permissions as string[]) ?? []),
      ...((built.optional_permissions as string[]) ?? []),
    ]).not.toEqual(expect.arrayContaining([expect.stringMatching(/[:/*<]/)]));
    expect(built.externally_connectable).toBeUndefined();
    expect(built.web_accessible_resources).toBeUndefined();
    // WXT lists none (an empty list): the QR scanner is injected on demand, never declared.
    expect(built.content_scripts ?? []).toEqual([]);
  });
  it('asks only for allowed permissions', () => {
    for (const permission of (built.permissions as string[]) ?? []) expect(ALLOWED_PERMISSIONS).toContain(permission);
  });
  it('allows WebAssembly (Argon2id) and nothing looser: no eval, no remote code', () => {
    expect(built.content_security_policy).toEqual({
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    });
  });
  it('offers its shortcuts: lock, scan, and fill with Ctrl+Shift+L (Command+Shift+L on a Mac)', () => {
    const commands = built.commands as Record<string, { suggested_key: Record<string, string> }>;
    expect(Object.keys(commands).sort()).toEqual(['fill-code', 'lock-vault', 'scan-qr']);
    expect(commands['fill-code']!.suggested_key).toEqual({ default: 'Ctrl+Shift+L', mac: 'Command+Shift+L' });
  });
  it("has no test door: the e2e build's way to press shortcuts is not in its worker", () => {
    expect(readFileSync(path.join(dir, 'background.js'), 'utf8')).not.toContain('tesseraE2e');
    expect(readFileSync(path.join(E2E_BUILD, 'background.js'), 'utf8')).toContain('tesseraE2e');
  });
  it("has none of the e2e build's bench marks (utils/background/bench-marks.ts) in its worker", () => {
    expect(readFileSync(path.join(dir, 'background.js'), 'utf8')).not.toContain('tessera:worker');
    expect(readFileSync(path.join(E2E_BUILD, 'background.js'), 'utf8')).toContain('tessera:worker');
  });
});

describe('the side panel', () => {
  it("is Chrome's side_panel, with the sidePanel permission", () => {
    const built = manifest(PRODUCTION_BUILD);
    expect(built.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(built.permissions).toContain('sidePanel');
    expect(built.sidebar_action).toBeUndefined();
  });
  it("is Firefox's sidebar_action, not opened at install, with no permission (Firefox has no sidePanel)", () => {
    const built = manifest(FIREFOX_BUILD);
    expect(built.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(built.permissions).not.toContain('sidePanel');
    expect(built.side_panel).toBeUndefined();
  });
  it("runs the popup's own script: the panel adds no code of its own", () => {
    const scripts = (file: string) =>
      [...readFileSync(path.join(PRODUCTION_BUILD, file), 'utf8').matchAll(/<script[^>]*src="([^"]+)"/g)].map(
        ([, src]) => src,
      );
    expect(scripts('sidepanel.html')).toEqual(scripts('popup.html'));
  });
});

describe('optional permissions', () => {
  it("Chrome's release build may ask for `favicon` (site icons) and `downloads` (automatic backups) and holds neither", () => {
    const built = manifest(PRODUCTION_BUILD);
    expect(built.optional_permissions).toEqual(['favicon', 'downloads']);
    expect(built.permissions).not.toContain('favicon');
    expect(built.permissions).not.toContain('downloads');
  });
  it('Firefox asks only for `downloads`, when automatic backups are turned on: it captures icons on bind or fill', () => {
    const built = manifest(FIREFOX_BUILD);
    expect(built.optional_permissions).toEqual(['downloads']);
    expect(built.permissions).not.toContain('downloads');
  });
  it('the e2e build holds `favicon` and `downloads` from the start (tests cannot answer the prompt)', () => {
    const built = manifest(E2E_BUILD);
    expect(built.permissions).toEqual(expect.arrayContaining(['favicon', 'downloads']));
    expect(built.optional_permissions ?? []).toEqual([]);
  });
});

describe('the Firefox manifest', () => {
  const gecko = (manifest(FIREFOX_BUILD).browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
  it('has an add-on id, a minimum version with every key it uses, and declares no data collection', () => {
    expect(gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    // data_collection_permissions: Firefox 140, Firefox for Android 142 (addons-linter checks too).
    expect(Number.parseInt(String(gecko.strict_min_version), 10)).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
  it('declares Firefox for Android, from the version that has every key it uses', () => {
    const android = (manifest(FIREFOX_BUILD).browser_specific_settings as { gecko_android?: Record<string, unknown> })
      .gecko_android;
    expect(Number.parseInt(String(android?.strict_min_version), 10)).toBeGreaterThanOrEqual(142);
  });
  it('asks for Chrome 116, the first with runtime.getContexts (the offscreen document the helper shares)', () => {
    expect(manifest(PRODUCTION_BUILD).minimum_chrome_version).toBe('116');
    expect(manifest(FIREFOX_BUILD)).not.toHaveProperty('minimum_chrome_version');
  });
  it("carries no offscreen document, which only Chrome has (Firefox's background page clears the clipboard)", () => {
    expect(existsSync(path.join(FIREFOX_BUILD, 'offscreen.html'))).toBe(false);
    expect(existsSync(path.join(FIREFOX_BUILD, 'offscreen.js'))).toBe(false);
    expect(readFileSync(path.join(PRODUCTION_BUILD, 'offscreen.html'), 'utf8')).toContain('src="/offscreen.js"');
    expect(existsSync(path.join(PRODUCTION_BUILD, 'offscreen.js'))).toBe(true);
  });
});

describe('the e2e test build', () => {
  it('differs from the release build only by <all_urls>, and by holding the optional favicon permission', () => {
    const { host_permissions: hosts, permissions, ...rest } = manifest(E2E_BUILD);
    const { permissions: released, optional_permissions: optional, ...release } = manifest(PRODUCTION_BUILD);
    expect(hosts).toEqual(['<all_urls>']);
    expect(permissions).toEqual([...(released as string[]), ...(optional as string[])]);
    expect(rest).toEqual(release);
  });
  it('runs the very popup code users get (built as production: no development JSX, no devtools hooks)', () => {
    const popup = (dir: string) => readFileSync(path.join(dir, 'popup.html'), 'utf8');
    expect(popup(E2E_BUILD)).toEqual(popup(PRODUCTION_BUILD));
  });
});

/**
 * Every screen of Tessera, reached as a user reaches it (by role and accessible name, in the
 * locale under test), photographed in both themes at each size, and checked by the layout test
 * (layout-check.ts) — issue 16. Popup screens at Chrome's popup width (360×600) and its largest
 * (800×600), and in English a phone's 360×640 with touch (Firefox for Android's popup page);
 * the options page at 1280×800. Locales: English, German and the longest other one
 * (locale-text.ts); Chromium's `--lang` picks the messages. Each state is set up once per locale
 * and shot in every theme and size from there. Pictures: test-results/screens/, with a contact
 * sheet (index.html) listing each screen's offences.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import { BANK, STEAM } from './sample-accounts';
import { MIGRATION_ACCOUNTS, migrationUri, SCAN_URIS } from '../demo/scan-pages';
import { fixturePath } from '../tests/shared-fixtures';
import { writeContactSheet, shotName, type Shot } from './contact-sheet';
import {
  fillWithoutPopup,
  launchTessera,
  openPopup,
  openPopupWindow,
  ROOT,
  sendFromPage,
  startDemoServer,
  tabIdOf,
  type DemoServer,
  type Tessera,
} from './harness';
import { describeOffences, layoutOffences, type LayoutOffence } from './layout-check';
import { chromiumLang, pattern, screenLocales, text } from './locale-text';

const SCREENS = path.join(ROOT, 'test-results/screens');
const THEMES = ['light', 'dark'] as const;
const POPUP_SIZES = [
  { width: 360, height: 600 },
  { width: 800, height: 600 },
];
/**
 * Firefox for Android opens the popup as a page filling the tab (issue 18): a phone's 360×640
 * with a touch screen, where the popup takes the whole page; in English only (about 6 s more).
 */
const PHONE_SIZE = { width: 360, height: 640 };
const OPTIONS_SIZES = [{ width: 1280, height: 800 }];
/** Chrome's side panel: its narrowest (320 px) and a wide one, as tall as a laptop's window. */
const PANEL_SIZES = [
  { width: 320, height: 720 },
  { width: 480, height: 900 },
];
/** What the worker's `chrome` offers the side-panel screen. */
interface PanelChrome {
  chrome: { windows: { create(data: object): Promise<{ id: number }>; remove(id: number): Promise<void> } };
}
/** A web page with Tessera's region tool over it. */
const PAGE_SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
];
const PASSPHRASE = 'correct horse battery staple';
const shots: Shot[] = [];

beforeAll(() => {
  rmSync(SCREENS, { recursive: true, force: true });
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(() => writeContactSheet(SCREENS, shots));

const LONG: Account = {
  type: 'totp',
  issuer: 'Internationale Handelsgesellschaft für Kryptographie',
  label: 'maximilian.mustermann-schmidt@beispiel-unternehmen.example',
  secret: 'ORSXG5DJNZTSA2LTEBQSA43FMNZGK5A',
  algorithm: 'SHA1',
  digits: 8,
  period: 60,
};
/** Twelve accounts in one Google Authenticator export. */
const TWELVE = Array.from({ length: 12 }, (_, i) => ({
  ...MIGRATION_ACCOUNTS[i % 3]!,
  name: `user${i + 1}@example.com`,
  issuer: ['Example', 'Cloud', 'Legacy', 'Mail'][i % 4]!,
}));

/** Waits two frames, so a resize or a theme change has been laid out and painted. */
const painted = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

for (const locale of screenLocales()) {
  describe(`every screen in ${locale}`, () => {
    let tessera: Tessera;
    let demo: DemoServer;
    let other: DemoServer;
    /** The popup in a tab: the list, the forms, settings. */
    let popup: Page;
    const say = (key: string, ...subs: (string | number)[]) => text(locale, key, ...subs);
    const like = (key: string) => pattern(locale, key);

    beforeAll(async () => {
      [tessera, demo, other] = await Promise.all([
        // Every host name to the demo server, so look-alike hosts can be visited.
        launchTessera({ args: [`--lang=${chromiumLang(locale)}`, '--host-resolver-rules=MAP * 127.0.0.1'] }),
        startDemoServer(),
        startDemoServer(),
      ]);
    });
    afterAll(async () => {
      await Promise.all([tessera?.close(), demo?.close(), other?.close()]);
    });

    /**
     * Photographs `page` in each theme and size as `screen`, runs the layout check on each, and
     * fails listing every offence of every variant (`within`: only that part of the page is checked).
     */
    const popupSizes = locale === 'en' ? [...POPUP_SIZES, PHONE_SIZE] : POPUP_SIZES;
    async function shoot(page: Page, screen: string, sizes = popupSizes, within?: string): Promise<void> {
      /** Variants with the same offences are listed once, under all their names. */
      const failures = new Map<string, string[]>();
      // The pointer leaves the control just clicked, so no tooltip hides the screen.
      await page.mouse.move(0, 0);
      for (const size of sizes) {
        const { width, height } = size;
        await page.setViewportSize({ width, height });
        // A phone: a touch screen, so `pointer: coarse` and `hover: none` match, as on Android.
        const phone = size === PHONE_SIZE ? await page.context().newCDPSession(page) : undefined;
        await phone?.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
        for (const theme of THEMES) {
          await page.emulateMedia({ colorScheme: theme });
          await painted(page);
          const shot = { screen, locale, theme, width, height };
          const file = shotName(shot);
          // Animations run: the countdown rings are infinite animations, which 'disabled' would reset.
          await page.screenshot({ path: path.join(SCREENS, file) });
          const offences = await layoutOffences(page, within);
          shots.push({ ...shot, file, offences });
          if (!offences.length) continue;
          const key = JSON.stringify(offences);
          failures.set(key, [...(failures.get(key) ?? []), file.replace(/\.png$/, '')]);
        }
        await phone?.send('Emulation.setTouchEmulationEnabled', { enabled: false });
        await phone?.detach();
      }
      await page.emulateMedia({ colorScheme: 'light' });
      if (failures.size)
        throw new Error(
          `\n${[...failures]
            .map(([key, names]) => describeOffences(names.join(', '), JSON.parse(key) as LayoutOffence[]))
            .join('\n')}`,
        );
    }

    const header = (page: Page, key: string) => page.getByRole('button', { name: say(key), exact: true }).first();
    const backToList = async () => {
      await popup.reload();
      await popup.getByRole('button', { name: say('lockNow'), exact: true }).waitFor();
    };
    const copyButton = (page: Page, name: string) =>
      page.getByRole('button', { name: new RegExp(`^${say('copyCodePrefix')} ${name}`) });

    /** A demo page in a tab and the popup in a window of its own aimed at it, as the toolbar opens it. */
    async function popupFor(url: string): Promise<{ page: Page; window: Page }> {
      const page = await tessera.context.newPage();
      await page.goto(url);
      return { page, window: await openPopupWindow(tessera, await tabIdOf(tessera, page.url())) };
    }
    async function scanned(name: string): Promise<{ page: Page; window: Page }> {
      const opened = await popupFor(`${demo.url}/test/scan/${name}?port=${other.port}`);
      await header(opened.window, 'scanQr').click();
      await opened.window
        .getByRole('heading', { name: like('scanFound') })
        .or(opened.window.getByRole('heading', { name: say('scanFoundNone') }))
        .or(opened.window.getByRole('alert'))
        .first()
        .waitFor();
      return opened;
    }
    const discard = (window: Page) => sendFromPage(window, 'preview.discard');

    it('join-vault', async () => {
      // A synced vault's key header in storage.sync: the first screen offers to join it.
      type Sync = { chrome: { storage: { sync: { set(items: object): Promise<void>; clear(): Promise<void> } } } };
      await tessera.worker.evaluate(() =>
        (globalThis as unknown as Sync).chrome.storage.sync.set({ 't.h': '{"f":1}' }),
      );
      const page = await openPopup(tessera);
      try {
        const form = page.getByRole('form', { name: say('joinTitle') });
        await form.getByLabel(say('passphrase')).fill(PASSPHRASE);
        await shoot(page, 'join-vault');
      } finally {
        await tessera.worker.evaluate(() => (globalThis as unknown as Sync).chrome.storage.sync.clear());
        await page.close();
      }
    });

    it('create-vault', async () => {
      popup = await openPopup(tessera);
      await popup.getByRole('heading', { name: say('createTitle') }).waitFor();
      await popup.getByLabel(say('newPassphrase'), { exact: true }).fill(PASSPHRASE);
      await popup.getByLabel(say('repeatPassphrase'), { exact: true }).fill(PASSPHRASE);
      await popup.getByLabel(say('newPassphrase'), { exact: true }).focus();
      try {
        await shoot(popup, 'create-vault');
      } finally {
        await popup.getByRole('button', { name: say('createVault') }).click();
        await popup.getByRole('heading', { name: say('emptyTitle') }).waitFor();
      }
    });

    it('list-0', async () => {
      await shoot(popup, 'list-0');
    });

    it('add', async () => {
      await header(popup, 'addAccount').click();
      const form = popup.getByRole('form', { name: say('addAccountByHand') });
      await form.getByLabel(say('fieldIssuer')).fill('GitHub');
      await shoot(popup, 'add');
    });

    it('add-advanced', async () => {
      const form = popup.getByRole('form', { name: say('addAccountByHand') });
      await form.getByText(say('advanced'), { exact: true }).click();
      await form.getByLabel(say('fieldType')).selectOption('hotp');
      await form.getByLabel(say('fieldCounter')).waitFor();
      await shoot(popup, 'add-advanced');
    });

    it('paste-uri', async () => {
      const paste = popup.getByRole('form', { name: say('addFromLink') });
      await paste.getByRole('textbox').fill('otpauth://totp/Broken?secret=not-base32-1');
      await paste.getByRole('button', { name: say('addFromLinkButton') }).click();
      await paste.getByRole('alert').waitFor();
      try {
        await shoot(popup, 'paste-uri');
      } finally {
        await backToList();
      }
    });

    it('scan-progress', async () => {
      // The page's scripts are held in the debugger, so Tessera's scanner waits in it: "Looking…"
      // stays on screen until the test lets the page go.
      const { page, window } = await popupFor(`${demo.url}/test/scan/img`);
      const cdp: CDPSession = await tessera.context.newCDPSession(page);
      await cdp.send('Debugger.enable');
      await cdp.send('Debugger.pause');
      try {
        await header(window, 'scanQr').click();
        await window
          .getByRole('status')
          .filter({ hasText: say('scanLooking') })
          .waitFor();
        await shoot(window, 'scan-progress');
      } finally {
        await cdp.send('Debugger.resume');
        await cdp.detach();
        await discard(window);
        await Promise.all([page.close(), window.close()]);
      }
    });

    it('scan-preview-1', async () => {
      const { page, window } = await scanned('img');
      await window.getByRole('checkbox', { name: 'GitHub: octocat' }).waitFor();
      try {
        await shoot(window, 'scan-preview-1');
      } finally {
        await discard(window);
        await Promise.all([page.close(), window.close()]);
      }
    });

    it('scan-preview-3', async () => {
      const { page, window } = await scanned('migration');
      await window.getByRole('checkbox', { name: 'Legacy: counter' }).waitFor();
      try {
        await shoot(window, 'scan-preview-3');
      } finally {
        await discard(window);
        await Promise.all([page.close(), window.close()]);
      }
    });

    it('scan-preview-split', async () => {
      const { page, window } = await scanned('migration-part');
      await window.getByText(like('scanBatchProgress')).waitFor();
      try {
        await shoot(window, 'scan-preview-split');
      } finally {
        await discard(window);
        await Promise.all([page.close(), window.close()]);
      }
    });

    /** The scan panel after "nothing found", and its page: the next screens go on from there. */
    let hint: { page: Page; window: Page };
    it('scan-nothing-found', async () => {
      hint = await scanned('none');
      await hint.window.getByRole('button', { name: say('scanRegion') }).waitFor();
      await shoot(hint.window, 'scan-nothing-found');
    });

    it('scan-preview-12', async () => {
      // A picture file of a Google export of twelve accounts, chosen in the same panel.
      const png = await (
        await fetch(`${demo.url}/qr.png?text=${encodeURIComponent(migrationUri(TWELVE))}`)
      ).arrayBuffer();
      await hint.window
        .getByLabel(say('scanFile'))
        .setInputFiles({ name: 'export.png', mimeType: 'image/png', buffer: Buffer.from(png) });
      await hint.window.getByRole('checkbox', { name: 'Mail: user12@example.com' }).waitFor();
      try {
        await shoot(hint.window, 'scan-preview-12');
      } finally {
        await discard(hint.window);
        await hint.window.close();
      }
    });

    it('region-hint', async () => {
      // "Select the code on the page": the popup closes and the page shows the region tool.
      const window = await openPopupWindow(tessera, await tabIdOf(tessera, hint.page.url()));
      await header(window, 'scanQr').click();
      const closed = window.waitForEvent('close');
      await window.getByRole('button', { name: say('scanRegion') }).click();
      await closed;
      await hint.page.getByRole('dialog', { name: say('scanRegionHint') }).waitFor();
      try {
        await shoot(hint.page, 'region-hint', PAGE_SIZES, '[role=dialog]');
      } finally {
        await hint.page.keyboard.press('Escape');
        await hint.page.close();
      }
    });

    it('list-3', async () => {
      const [github] = await Promise.all(
        [{ uri: SCAN_URIS.github }, { account: STEAM }, { account: BANK }].map(
          async (payload) => (await sendFromPage(popup, 'accounts.add', payload)).value as { id: string },
        ),
      );
      await sendFromPage(popup, 'accounts.update', { id: github!.id, changes: {}, pinned: true });
      await backToList();
      await copyButton(popup, 'Bank me').waitFor();
      await shoot(popup, 'list-3');
    });

    it.runIf(locale === 'en')('on a phone, the popup fills the tab: its whole width and height', async () => {
      // A larger phone than PHONE_SIZE: the desktop popup's 360 px and 440 px list would leave
      // a band beside and below it.
      const cdp = await popup.context().newCDPSession(popup);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      try {
        await popup.setViewportSize({ width: 412, height: 915 });
        await painted(popup);
        const box = await popup.evaluate(() => ({
          body: document.body.getBoundingClientRect().width,
          listBottom: document.querySelector('.scroller')!.getBoundingClientRect().bottom,
          page: document.documentElement.scrollHeight,
        }));
        // The list ends a few px above the bottom (style.css), and the page does not scroll.
        expect(box.body).toBe(412);
        expect(box.listBottom).toBeGreaterThan(905);
        expect(box.page).toBe(915);
      } finally {
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
        await cdp.detach();
      }
    });

    it('side-panel', async () => {
      // The panel serves the window of a demo page; it is opened in a tab of its own, as in
      // sidepanel.e2e.ts (a test cannot open the browser's side panel).
      const panel = await tessera.context.newPage();
      const window = await tessera.worker.evaluate(
        (url) => (globalThis as unknown as PanelChrome).chrome.windows.create({ url, focused: true }),
        `${demo.url}/`,
      );
      try {
        await panel.goto(`chrome-extension://${tessera.extensionId}/sidepanel.html?window=${window.id}`);
        await copyButton(panel, 'Bank me').waitFor();
        await shoot(panel, 'side-panel', PANEL_SIZES);
      } finally {
        await panel.close();
        await tessera.worker.evaluate(
          (id) => (globalThis as unknown as PanelChrome).chrome.windows.remove(id),
          window.id,
        );
      }
    });

    it('scan-duplicate', async () => {
      const { page, window } = await scanned('img');
      await window.getByText(say('scanDuplicate')).waitFor();
      try {
        await shoot(window, 'scan-duplicate');
      } finally {
        await discard(window);
        await Promise.all([page.close(), window.close()]);
      }
    });

    it('edit', async () => {
      await popup.getByRole('button', { name: say('editAccountFor', 'Bank: me') }).click();
      await popup.getByRole('button', { name: say('deleteAccount') }).waitFor();
      try {
        await shoot(popup, 'edit');
      } finally {
        await backToList();
      }
    });

    it('search-none', async () => {
      await popup.getByRole('searchbox', { name: say('searchAccounts') }).fill('zzzz');
      await popup.getByText(say('noMatches', 'zzzz')).waitFor();
      try {
        await shoot(popup, 'search-none');
      } finally {
        await popup.getByRole('searchbox', { name: say('searchAccounts') }).fill('');
      }
    });

    it('list-long', async () => {
      const { id } = (await sendFromPage(popup, 'accounts.add', { account: LONG })).value as { id: string };
      await backToList();
      await copyButton(popup, LONG.issuer).waitFor();
      try {
        await shoot(popup, 'list-long');
      } finally {
        // Gone again, so the screens after this one fail (or pass) for what they show themselves.
        await sendFromPage(popup, 'accounts.remove', { id });
      }
    });

    it('fill-question', async () => {
      const { page, window } = await popupFor(`${demo.url}/test/fill/one-time-code`);
      await copyButton(window, 'Steam gaben').click();
      const ask = window.getByRole('alertdialog', { name: say('fillAskTitle', demo.url) });
      await ask.waitFor();
      try {
        await shoot(window, 'fill-question');
      } finally {
        await Promise.all([page.close(), window.close()]);
      }
    });

    it('fill-phishing', async () => {
      // GitHub's name in a subdomain of another site: the phishing warning.
      const { page, window } = await popupFor(`http://github.com.login-check.net:${demo.port}/test/fill/one-time-code`);
      await copyButton(window, 'GitHub octocat').click();
      await window.getByRole('alertdialog', { name: say('fillPhishingTitle') }).waitFor();
      try {
        await shoot(window, 'fill-phishing');
      } finally {
        await Promise.all([page.close(), window.close()]);
      }
    });

    it('fill-frame', async () => {
      const { page, window } = await popupFor(`${demo.url}/test/fill/cross-origin-iframe?port=${other.port}`);
      await copyButton(window, 'Steam gaben').click();
      await window.getByRole('alertdialog', { name: say('fillFrameTitle') }).waitFor();
      try {
        await shoot(window, 'fill-frame');
      } finally {
        await Promise.all([page.close(), window.close()]);
      }
    });

    it('fill-chooser', async () => {
      // Two accounts remembered on one page; the fill shortcut there asks which.
      const page = await tessera.context.newPage();
      await page.goto(`http://127.0.0.1:${other.port}/test/fill/one-time-code`);
      const tabId = await tabIdOf(tessera, page.url());
      const list = (await sendFromPage(popup, 'accounts.list')).value as { id: string; issuer: string }[];
      for (const issuer of ['Steam', 'GitHub']) {
        const id = list.find((account) => account.issuer === issuer)!.id;
        await sendFromPage(popup, 'fill.code', {
          id,
          tabId,
          confirmOrigin: `http://127.0.0.1:${other.port}`,
          remember: 'origin',
        });
      }
      await page.reload();
      await fillWithoutPopup(tessera, tabId);
      const window = await openPopupWindow(tessera, tabId);
      await window.getByRole('dialog', { name: say('fillChooseTitle', `127.0.0.1:${other.port}`) }).waitFor();
      try {
        await shoot(window, 'fill-chooser');
      } finally {
        await Promise.all([page.close(), window.close()]);
      }
    });

    it('settings', async () => {
      await header(popup, 'settings').click();
      await popup.getByRole('heading', { name: say('settings') }).waitFor();
      await shoot(popup, 'settings');
    });

    it('settings-sync', async () => {
      const checkbox = popup.getByRole('checkbox', { name: say('syncEnable') });
      await checkbox.click();
      await popup.getByRole('button', { name: say('syncNow') }).waitFor();
      await popup.getByRole('heading', { name: say('syncTitle') }).scrollIntoViewIfNeeded();
      try {
        await shoot(popup, 'settings-sync');
      } finally {
        // Off again (the synced copy removed), so later screens do not sync.
        await popup.getByRole('checkbox', { name: say('syncRemoveCopy') }).check();
        await popup.getByRole('button', { name: say('syncStop') }).click();
        await popup.getByRole('button', { name: say('syncNow') }).waitFor({ state: 'detached' });
      }
    });

    it('change-passphrase', async () => {
      const section = popup.getByRole('form', { name: say('changePassphrase') });
      await section.getByLabel(say('currentPassphrase')).fill(PASSPHRASE);
      await section.getByLabel(say('newPassphrase'), { exact: true }).fill('short');
      await section.getByRole('button', { name: say('changePassphrase') }).click();
      await section
        .getByRole('alert')
        .filter({ hasText: say('strengthTooShort') })
        .waitFor();
      await section.scrollIntoViewIfNeeded();
      await shoot(popup, 'change-passphrase');
    });

    it('erase', async () => {
      const section = popup.getByRole('form', { name: say('eraseTitle') });
      await section.getByLabel(say('typeToConfirm', 'DELETE')).fill('DELETE');
      await section.scrollIntoViewIfNeeded();
      try {
        await shoot(popup, 'erase');
      } finally {
        await backToList();
      }
    });

    it('locked', async () => {
      await header(popup, 'lockNow').click();
      const form = popup.getByRole('form', { name: say('lockedTitle') });
      await form.getByLabel(say('passphrase')).fill(PASSPHRASE);
      try {
        await shoot(popup, 'locked');
      } finally {
        await form.getByRole('button', { name: say('unlock') }).click();
        await form.waitFor({ state: 'detached' });
      }
    });

    it('options', async () => {
      const options = await tessera.context.newPage();
      await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
      await options.getByRole('heading', { name: say('importTitle'), exact: true }).waitFor();
      await shoot(options, 'options', OPTIONS_SIZES);
    });

    it('options-import-preview', async () => {
      const options = tessera.context.pages().find((page) => page.url().endsWith('/options.html'))!;
      await options.getByLabel(say('importFile')).setInputFiles(fixturePath('aegis-importers/aegis_plain.json'));
      await options.getByRole('button', { name: say('importRead') }).click();
      await options.getByRole('heading', { name: like('scanFound') }).waitFor();
      await shoot(options, 'options-import-preview', OPTIONS_SIZES);
    });

    it('options-privacy', async () => {
      const options = tessera.context.pages().find((page) => page.url().endsWith('/options.html'))!;
      const policy = options.getByText(say('privacyShow'));
      await policy.click();
      await options.getByRole('table').waitFor();
      await options.getByRole('table').evaluate((table) => table.scrollIntoView({ block: 'center' }));
      await shoot(options, 'options-privacy', OPTIONS_SIZES);
    });

    it('options-export', async () => {
      const options = tessera.context.pages().find((page) => page.url().endsWith('/options.html'))!;
      await options.reload();
      await options.getByRole('radio', { name: say('exportGoogle') }).check();
      await options.getByRole('button', { name: say('exportShowCodes') }).click();
      await options
        .getByRole('img', { name: like('exportCodeLabel') })
        .first()
        .waitFor();
      try {
        await shoot(options, 'options-export', OPTIONS_SIZES);
      } finally {
        await options.close();
      }
    });

    it('options-auto-backups', async () => {
      const options = await tessera.context.newPage();
      await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
      // On: the first automatic backup is written at once (the e2e build holds `downloads`).
      await options.getByRole('checkbox', { name: say('autoBackup') }).check();
      const list = options.getByRole('region', { name: say('autoBackupsTitle') });
      await list.getByRole('button', { name: like('autoBackupRestoreLabel') }).waitFor();
      // Two older ones, as days of use would leave them (only their dates and counts show).
      await tessera.worker.evaluate(async () => {
        type Local = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
        const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
        const { autoBackup } = (await local.get('autoBackup')) as {
          autoBackup: { backups: { id: string; at: number; accounts: number }[] };
        };
        const [newest] = autoBackup.backups;
        const day = 24 * 60 * 60 * 1000;
        const older = [8, 1].map((days, i) => ({
          ...newest!,
          id: `older-${i}`,
          at: newest!.at - days * day,
          accounts: i + 1,
        }));
        await local.set({ autoBackup: { ...autoBackup, backups: [...older, ...autoBackup.backups] } });
      });
      await options.reload();
      await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
      await list
        .getByRole('button', { name: like('autoBackupRestoreLabel') })
        .first()
        .click();
      await list.getByLabel(say('autoBackupPassphrase')).waitFor();
      await list.scrollIntoViewIfNeeded();
      try {
        await shoot(options, 'options-auto-backups', OPTIONS_SIZES);
      } finally {
        await options.getByRole('checkbox', { name: say('autoBackup') }).uncheck();
        await options.close();
      }
    });

    it('list-500', async () => {
      // One import of 496 more accounts, as a pasted export would bring them.
      const links = Array.from(
        { length: 496 },
        (_, i) => `otpauth://totp/Service%20${i}:user${i}%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Service%20${i}`,
      );
      const read = await sendFromPage(popup, 'import.file', { data: Buffer.from(links.join('\n')).toString('base64') });
      const preview = read.value as { nonce: string; accounts: { key: string }[] };
      const added = await sendFromPage(popup, 'preview.confirm', {
        nonce: preview.nonce,
        choices: preview.accounts.map(({ key }) => ({ key, action: 'add' })),
      });
      if (!added.ok) throw new Error(`import failed: ${added.error?.message}`);
      await backToList();
      await copyButton(popup, 'Service 0 ').waitFor();
      await shoot(popup, 'list-500');
    });
  });
}

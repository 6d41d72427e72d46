/**
 * A copied code leaves the clipboard after 30 seconds, even with the popup closed, without
 * Tessera reading the clipboard (no clipboardRead): an alarm that comes late (the computer slept)
 * clears nothing. The tests do not wait out the 30 s: they find the alarm the copy set, check that
 * it is due 30 s after the copy, and fire that very alarm now. The test pages read the clipboard
 * with the permission Playwright grants them, not Tessera's.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithVault, openPopup, type Tessera } from './harness';

const CLEAR_AFTER_MS = 30_000;

interface Alarm {
  name: string;
  scheduledTime: number;
}

/** The extension APIs used inside the service worker (these functions run there, not here). */
interface WorkerChrome {
  chrome: {
    alarms: { getAll(): Promise<Alarm[]>; create(name: string, info: { when: number }): Promise<void> };
    offscreen: { closeDocument(): Promise<void>; createDocument(options: object): Promise<void> };
  };
}

let tessera: Tessera;

beforeAll(async () => {
  const launched = await launchWithVault({
    accounts: ['otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub'],
  });
  tessera = launched.tessera;
  await tessera.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await launched.popup.close();
});
afterAll(() => tessera?.close());

const alarms = () => tessera.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.alarms.getAll());
const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/**
 * Copies GitHub's code from a fresh popup and closes the popup; returns the code and the one
 * alarm the copy set, due 30 s after the click.
 */
async function copyAndClose(): Promise<{ code: string; alarm: Alarm }> {
  const page = await openPopup(tessera);
  const copiedAt = Date.now();
  await page.getByRole('button', { name: /^Copy the code for GitHub/ }).click();
  await page.getByText('Copied the code for GitHub: alice').waitFor();
  const code = await readClipboard(page);
  await page.close();
  const due = (alarm: Alarm) => Math.abs(alarm.scheduledTime - (copiedAt + CLEAR_AFTER_MS)) < 5_000;
  await expect
    .poll(async () => (await alarms()).filter(due), { timeout: 5_000, message: 'one alarm due 30 s after the copy' })
    .toHaveLength(1);
  return { code, alarm: (await alarms()).find(due)! };
}

/**
 * Fires `alarm` now instead of when it is due (the same name replaces it), and waits until the
 * worker has handled it: Chrome's clipboard guard checks the clipboard in an offscreen document
 * and closes that document when it is done, whatever it found.
 */
async function fireNow(alarm: Alarm): Promise<void> {
  await tessera.worker.evaluate(async (name) => {
    const { chrome } = globalThis as unknown as WorkerChrome;
    const close = chrome.offscreen.closeDocument;
    const checked = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The alarm fired, but the clipboard was not checked')), 10_000);
      chrome.offscreen.closeDocument = async () => {
        chrome.offscreen.closeDocument = close;
        try {
          await close.call(chrome.offscreen);
        } finally {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    await chrome.alarms.create(name, { when: Date.now() });
    await checked;
  }, alarm.name);
  expect((await alarms()).map(({ name }) => name)).not.toContain(alarm.name);
}

describe('clearing copied codes', () => {
  it('clears the code 30 seconds after copying, with the popup closed', async () => {
    const { code, alarm } = await copyAndClose();
    expect(code).toMatch(/^\d{6}$/);
    await fireNow(alarm);
    const page = await openPopup(tessera);
    await expect.poll(() => readClipboard(page), { timeout: 5_000, message: 'the clipboard, cleared' }).toBe('');
    await page.close();
  });

  it('leaves the clipboard alone when the alarm comes long after the copy (the computer slept)', async () => {
    const { code, alarm } = await copyAndClose();
    // The copy was made 10 minutes ago, as far as Tessera knows (session:copiedCode).
    await tessera.worker.evaluate(async () => {
      type Session = { set(items: object): Promise<void> };
      const { session } = (globalThis as unknown as { chrome: { storage: { session: Session } } }).chrome.storage;
      await session.set({ copiedCode: Date.now() - 10 * 60_000 });
    });
    await tessera.worker.evaluate(async (name) => {
      const scope = globalThis as unknown as WorkerChrome & { offscreenAsked?: boolean };
      const create = scope.chrome.offscreen.createDocument;
      scope.chrome.offscreen.createDocument = async (options) => {
        scope.offscreenAsked = true;
        return create.call(scope.chrome.offscreen, options);
      };
      await scope.chrome.alarms.create(name, { when: Date.now() });
    }, alarm.name);
    // The guard forgets the copy as it handles the alarm; then it must not have asked to clear.
    await expect
      .poll(() =>
        tessera.worker.evaluate(async () => {
          type Session = { get(key: string): Promise<Record<string, unknown>> };
          const { session } = (globalThis as unknown as { chrome: { storage: { session: Session } } }).chrome.storage;
          return (await session.get('copiedCode')).copiedCode ?? null;
        }),
      )
      .toBeNull();
    expect(
      await tessera.worker.evaluate(() => (globalThis as { offscreenAsked?: boolean }).offscreenAsked),
    ).toBeUndefined();
    const after = await openPopup(tessera);
    expect(await readClipboard(after)).toBe(code);
    await after.close();
  });
});

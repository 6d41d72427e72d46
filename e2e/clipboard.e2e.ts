/**
 * A copied code leaves the clipboard after 30 seconds, even with the popup closed, but only if
 * the user has not copied something else since. The tests do not wait out the 30 s: they find
 * the alarm the copy set, check that it is due 30 s after the copy, and fire that very alarm now.
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
    offscreen: { closeDocument(): Promise<void> };
  };
}

let tessera: Tessera;

beforeAll(async () => {
  const launched = await launchWithVault({
    accounts: ['otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub'],
  });
  tessera = launched.tessera;
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

  it('leaves the clipboard alone when something else was copied since', async () => {
    const { alarm } = await copyAndClose();
    const page = await openPopup(tessera);
    await page.evaluate(() => navigator.clipboard.writeText('my own text'));
    await page.close();
    await fireNow(alarm);
    const after = await openPopup(tessera);
    expect(await readClipboard(after)).toBe('my own text');
    await after.close();
  });
});

/**
 * The helper's chunks in a real dedicated Worker (utils/core/helper/helper-protocol.ts) in Chromium
 * and Firefox, started here from an extension page as Chrome's offscreen document and Firefox's
 * background page start it (Firefox skipped, with a note, when absent): each chunk script loads
 * with importScripts, sql.js finds its WebAssembly beside the Worker, zip.js runs without more
 * Workers, libsodium and kdbxweb run, createImageBitmap and OffscreenCanvas decode a picture, and
 * every answer is JSON. Only requests and replies cross, as the background will send them.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, kdbxDatabase } from '../tests/archive-fixtures';
import { enteEncryptedExport } from '../tests/import-fixtures';
import { blank, paintQr, qrSize } from '../tests/qr-pixels';
import { fixturePath } from '../tests/shared-fixtures';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { HelperReply, HelperTask, TaskInput } from '../utils/core/helper/helper-protocol';
import { findFirefox } from '../scripts/find-firefox';
import { launchFirefox, type Firefox } from './firefox';
import { FIREFOX_BUILD, launchTessera, type Tessera } from './harness';

/** Run in an extension page: starts the helper Worker and defines `runTask(task, input)` beside it. */
function startHelper() {
  const worker = new Worker('/helper-worker.js');
  const waiting = new Map<number, (reply: unknown) => void>();
  let next = 0;
  worker.addEventListener('message', ({ data }: MessageEvent<{ id: number }>) => waiting.get(data.id)?.(data));
  (globalThis as unknown as { runTask: unknown }).runTask = (task: string, input: unknown) =>
    new Promise((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      worker.postMessage(JSON.parse(JSON.stringify({ id, task, input })));
    });
}

type Run = <T extends HelperTask>(task: T, input: TaskInput<T>) => Promise<HelperReply>;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The same cases in each browser; `run` is read when a case runs, after the browser started. */
function helperCases(run: () => Run) {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string | undefined, number, string]>([
    [
      'a SQLite database (sql.js)',
      () => readFileSync(fixturePath('aegis-importers/google_authenticator.sqlite')),
      undefined,
      6,
      'Google Authenticator',
    ],
    [
      'an encrypted zip (zip.js)',
      () => readFileSync(fixturePath('aegis-importers/authenticator_plus.zip')),
      'testtesttest',
      7,
      'Authenticator Plus',
    ],
    ['a KeePass database (kdbxweb, Argon2id)', () => kdbxDatabase('kdbx4-argon2id'), FIXTURE_PASSWORD, 10, 'KeePass'],
    ['an encrypted Ente Auth export (libsodium)', () => enteEncryptedExport('test'), 'test', 7, 'Ente Auth'],
    [
      'an encrypted Aegis vault (scrypt)',
      () => readFileSync(fixturePath('aegis-importers/aegis_encrypted.json')),
      'test',
      7,
      'Aegis',
    ],
  ])('imports %s', async (_, bytes, password, count, format) => {
    const reply = await run()('importFile', { data: base64(await bytes()), ...(password ? { password } : {}) });
    expect(reply).toMatchObject({ ok: true, value: { format } });
    expect(reply.ok && (reply.value as { accounts: unknown[] }).accounts).toHaveLength(count);
  });

  it('sends an import error back with its code', async () => {
    const data = base64(readFileSync(fixturePath('aegis-importers/aegis_encrypted.json')));
    expect(await run()('importFile', { data })).toMatchObject({
      ok: false,
      error: { name: 'ImportError', code: 'password-required' },
    });
  });

  it('writes an Aegis file that imports back, and Google transfer codes', async () => {
    const account = {
      type: 'totp',
      issuer: 'GitHub',
      label: 'me',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    } as const;
    const aegis = await run()('exportAegis', { entries: [{ account, tags: ['Work'] }], password: 'to aegis please' });
    expect(aegis.ok).toBe(true);
    const back = await run()('importFile', {
      data: Buffer.from(aegis.ok ? (aegis.value as string) : '').toString('base64'),
      password: 'to aegis please',
    });
    expect(back).toMatchObject({ ok: true, value: { accounts: [{ account, tags: ['Work'] }] } });
    expect(await run()('exportGoogle', { accounts: [account], batchId: 5 })).toMatchObject({
      ok: true,
      value: { uris: [expect.stringMatching(/^otpauth-migration:\/\/offline\?data=/)], notMovable: [] },
    });
  });

  it('decodes a picture and reads its codes, or only those of a region', async () => {
    const left = 'otpauth://totp/Left:me?secret=JBSWY3DPEHPK3PXP&issuer=Left';
    const right = 'otpauth://totp/Right:me?secret=GEZDGNBVGY3TQOJQ&issuer=Right';
    const pixels = blank(1000, 400);
    paintQr(pixels, { text: left, scale: 6, left: 20, top: 20 });
    paintQr(pixels, { text: right, scale: 6, left: 980 - qrSize({ text: right, scale: 6 }).pixels, top: 20 });
    const png = new PNG({ width: pixels.width, height: pixels.height });
    png.data = Buffer.from(pixels.data);
    const image = `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
    const all = await run()('qrCodes', { image, tiles: true });
    expect(all.ok && new Set(all.value as string[])).toEqual(new Set([left, right]));
    const region = { x: 0, y: 0, width: 250, height: 200, viewportWidth: 500 };
    expect(await run()('qrCodes', { image, region, tiles: true })).toEqual({
      id: expect.any(Number),
      ok: true,
      value: [left],
    });
    expect(await run()('qrCodes', { image: 'data:image/png;base64,AAAA' })).toMatchObject({
      ok: false,
      error: { name: 'ServiceError', code: 'invalid-input' },
    });
  });
}

describe('the helper chunks in a dedicated Worker in Chromium', () => {
  let tessera: Tessera;
  let page: Page;
  beforeAll(async () => {
    tessera = await launchTessera();
    page = await tessera.context.newPage();
    await page.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await page.evaluate(startHelper);
  });
  afterAll(() => tessera?.close());

  helperCases(
    () => (task, input) =>
      page.evaluate(
        ([task, input]) =>
          (globalThis as unknown as { runTask: (task: string, input: unknown) => Promise<HelperReply> }).runTask(
            task,
            input,
          ),
        [task, input] as const,
      ),
  );
});

const firefoxExecutable = findFirefox();

describe.skipIf(!firefoxExecutable)('the helper chunks in a dedicated Worker in Firefox', () => {
  let firefox: Firefox;
  let options: string;
  beforeAll(async () => {
    firefox = await launchFirefox(firefoxExecutable!, FIREFOX_BUILD);
    options = await firefox.openExtensionPage('options.html');
    await firefox.evaluate(options, `(${startHelper.toString()})();`);
  }, 60_000);
  afterAll(() => firefox?.close());

  helperCases(
    () => (task, input) =>
      firefox.evaluate<HelperReply>(
        options,
        `return await globalThis.runTask(${JSON.stringify(task)}, ${JSON.stringify(input)});`,
      ),
  );
});

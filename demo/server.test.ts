import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeAtCounter, generateCode, timeStep } from '../utils/core/otp/otp';
import { parseOtpauthUri } from '../utils/core/otp/otpauth-uri';
import type { TimeBasedAccount } from '../utils/core/otp/account';
import { findQrCodes } from '../utils/core/scan/qr-decode';
import { parseMigrationUri } from '../utils/core/scan/otpauth-migration';
import { MIGRATION_ACCOUNTS, migrationUri, SCAN_CASES } from './scan-pages';
import { clockSkewFromEnv, startDemoServer, type DemoServer } from './server';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(() => server.close());

/**
 * The server runs in this process and reads the same clock, so a test's time step and the
 * server's agree when the clock stands still: 15 s into a 30 s step, 45 s into a 60 s one.
 */
const NOW = Date.UTC(2026, 0, 15, 9, 0, 45);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

/** A browser session: keeps the demo's cookie between requests. */
function browserSession() {
  let cookie = '';
  return async (path: string, form?: Record<string, string>) => {
    const response = await fetch(server.url + path, {
      method: form ? 'POST' : 'GET',
      headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    return response;
  };
}

/** Enrols through the pages as a user would: read the QR code, confirm with a code. */
async function enrol(get: ReturnType<typeof browserSession>, query = '') {
  const html = await (await get(`/enable-2fa${query}`)).text();
  const png = PNG.sync.read(Buffer.from(await (await get('/enable-2fa/qr.png')).arrayBuffer()));
  const uri = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
  const account = parseOtpauthUri(uri) as TimeBasedAccount;
  expect(html).toContain(account.secret.slice(0, 4));
  const confirmed = await get('/enable-2fa', { code: generateCode(account, Date.now()) });
  expect(await confirmed.text()).toContain('Two-factor authentication is on');
  return account;
}

describe('the demo 2FA site', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('shows a QR code that scans as a Tessera Demo TOTP account', async () => {
    const get = browserSession();
    await get('/enable-2fa');
    const png = PNG.sync.read(Buffer.from(await (await get('/enable-2fa/qr.png')).arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toMatch(/^otpauth:\/\/totp\//);
    expect(parseOtpauthUri(decoded!.data)).toMatchObject({
      type: 'totp',
      issuer: 'Tessera Demo',
      label: 'alice@example.com',
      digits: 6,
      period: 30,
    });
  });

  it('keeps the same secret across reloads until a new one is asked for', async () => {
    const get = browserSession();
    const key = async () => /id="setup-key">([^<]+)</.exec(await (await get('/enable-2fa')).text())![1];
    const first = await key();
    expect(await key()).toBe(first);
    expect((await get('/enable-2fa/new', {})).status).toBe(303);
    expect(await key()).not.toBe(first);
  });

  it('offers the inline SVG variant', async () => {
    const html = await (await browserSession()('/enable-2fa?qr=svg')).text();
    expect(html).toMatch(/<svg role="img" aria-label="QR code for Tessera Demo"/);
  });

  it('signs in with a current code and refuses a wrong one or a replay', async () => {
    const get = browserSession();
    const account = await enrol(get);
    const now = Date.now();
    const wrong = codeAtCounter(account, timeStep(account, now) + 5);
    expect(await (await get('/login', { otp: wrong })).text()).toContain('Wrong code');
    const code = generateCode(account, now);
    const signedIn = await get('/login', { otp: code });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain('Signed in');
    expect(await (await get('/login', { otp: code })).text()).toContain('already used');
  });

  it('accepts the previous step (±1 window) but not two steps back', async () => {
    const get = browserSession();
    const account = await enrol(get);
    const step = timeStep(account, Date.now());
    expect(await (await get('/login', { otp: codeAtCounter(account, step - 3) })).text()).toContain('Wrong code');
    expect(await (await get('/login', { otp: codeAtCounter(account, step - 1) })).text()).toContain('Signed in');
  });

  it('can enrol other kinds of account for testing (?digits=8&algorithm=SHA256)', async () => {
    const account = await enrol(browserSession(), '?digits=8&algorithm=SHA256&period=60');
    expect(account).toMatchObject({ digits: 8, algorithm: 'SHA256', period: 60 });
  });

  it('asks to turn 2FA on before signing in, and rejects bad enrol options', async () => {
    const get = browserSession();
    expect(await (await get('/login', { otp: '123456' })).text()).toContain('Turn on two-factor authentication first');
    const bad = await get('/enable-2fa?digits=12');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('digits must be 6-10');
  });

  it('serves only flat test page names', async () => {
    const get = browserSession();
    expect((await get('/test/')).status).toBe(200);
    expect((await get('/test/..%2Fserver.ts')).status).toBe(404);
    expect((await get('/test/README.md')).status).toBe(404);
  });

  it('serves the scan test pages, each picture holding what the page says', async () => {
    const get = browserSession();
    let pictures = 0;
    for (const [name, scanCase] of Object.entries(SCAN_CASES)) {
      const html = await (await get(`/test/scan/${name}?port=1`)).text();
      for (const [, src] of html.matchAll(/src="\/qr\.png\?text=([^"]+)"/g)) {
        const png = PNG.sync.read(Buffer.from(await (await get(`/qr.png?text=${src}`)).arrayBuffer()));
        expect(scanCase.expected).toContain(
          findQrCodes({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height })[0],
        );
        pictures++;
      }
    }
    expect(pictures).toBe(10);
    expect((await get('/test/scan/nothing-here')).status).toBe(404);
    expect((await get('/qr.png')).status).toBe(400);
    expect((await get(`/qr.png?text=${'x'.repeat(2001)}`)).status).toBe(400);
  });

  it('builds Google Authenticator exports that decode to the accounts it was given', () => {
    const { accounts, batch } = parseMigrationUri(migrationUri(MIGRATION_ACCOUNTS));
    expect(batch).toEqual({ id: -123456, index: 0, size: 1 });
    expect(
      accounts.map((account) => [account.issuer, account.label, account.type, account.algorithm, account.digits]),
    ).toEqual([
      ['Example', 'alice@example.com', 'totp', 'SHA1', 6],
      ['Cloud', 'ops', 'totp', 'SHA256', 8],
      ['Legacy', 'counter', 'hotp', 'SHA1', 6],
    ]);
  });
});

describe('a demo whose clock is 5 min ahead (clockSkewMs)', () => {
  const SKEW = 300_000;
  let skewed: DemoServer;
  beforeAll(async () => {
    skewed = await startDemoServer({ clockSkewMs: SKEW });
  });
  afterAll(() => skewed.close());

  it('sends its own time in Date, also for HEAD /', async () => {
    const head = await fetch(`${skewed.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('date')).toBe(new Date(NOW + SKEW).toUTCString());
    expect((await fetch(`${server.url}/`, { method: 'HEAD' })).headers.get('date')).toBe(new Date(NOW).toUTCString());
  });

  it('accepts codes for its own time and refuses codes for this computer’s', async () => {
    let cookie = '';
    const get = async (path: string, form?: Record<string, string>) => {
      const response = await fetch(skewed.url + path, {
        method: form ? 'POST' : 'GET',
        headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      return response.text();
    };
    const html = await get('/enable-2fa');
    const uri = /id="otpauth-uri">([^<]+)</.exec(html)![1]!.replaceAll('&amp;', '&');
    const account = parseOtpauthUri(uri) as TimeBasedAccount;
    expect(await get('/enable-2fa', { code: generateCode(account, NOW) })).toContain('Wrong code');
    expect(await get('/enable-2fa', { code: generateCode(account, NOW + SKEW) })).toContain(
      'Two-factor authentication is on',
    );
  });
});

describe('TESSERA_DEMO_CLOCK_SKEW', () => {
  it.each([
    [undefined, 0],
    ['300', 300_000],
    ['-90.5', -90_500],
  ])('%s seconds is %i ms', (value, ms) => {
    expect(clockSkewFromEnv(value)).toBe(ms);
  });
  it('refuses what is no number', () => {
    expect(() => clockSkewFromEnv('five minutes')).toThrow('TESSERA_DEMO_CLOCK_SKEW');
  });
});

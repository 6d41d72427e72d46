/**
 * The demo 2FA service: a small HTTP server on 127.0.0.1 that generates a secret, shows its
 * `otpauth://` QR code, and checks sign-in codes with a ±1 step window. It also serves the
 * end-to-end test pages in demo/test-pages/ under /test/.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OtpFieldError } from '../utils/core/otp/otp-field-error';
import { createTwoFactorAccounts, type VerifyOutcome } from './two-factor-accounts';
import { enabledPage, enablePage, errorPage, homePage, loginPage, resultMessage } from './pages';
import { qrPng } from './qr-image';
import { redirect, send } from './respond';
import { fillPage, vendorScript } from './fill-pages';
import { scanPage } from './scan-pages';
import { serveTestPage } from './test-pages';

const SESSION_COOKIE = 'tessera_demo_sid';
const MAX_BODY = 4096;
const MAX_QR_TEXT = 2000;

const OUTCOME_TEXT: Record<VerifyOutcome, string> = {
  ok: 'Signed in',
  wrong: 'Wrong code',
  replayed: 'That code was already used. Wait for the next one.',
  'not-enrolled': 'Turn on two-factor authentication first.',
};

/** TESSERA_DEMO_CLOCK_SKEW (seconds, may be negative) as clockSkewMs; 0 when unset. */
export function clockSkewFromEnv(value = process.env.TESSERA_DEMO_CLOCK_SKEW): number {
  const seconds = Number(value ?? 0);
  if (!Number.isFinite(seconds)) throw new Error('TESSERA_DEMO_CLOCK_SKEW must be a number of seconds.');
  return Math.round(seconds * 1000);
}

export interface DemoServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface DemoOptions {
  port?: number;
  host?: string;
  /**
   * How far the demo's clock is ahead of this computer's, in ms (negative: behind): its `Date`
   * header and its code checks both use it, as a real server with another clock would, for
   * trying Tessera's clock check. `npm run demo` reads TESSERA_DEMO_CLOCK_SKEW (seconds).
   */
  clockSkewMs?: number;
}

export async function startDemoServer({
  port = 0,
  host = '127.0.0.1',
  clockSkewMs = 0,
}: DemoOptions = {}): Promise<DemoServer> {
  const now = () => Date.now() + clockSkewMs;
  const accounts = createTwoFactorAccounts(now);

  async function route(req: IncomingMessage, res: ServerResponse, session: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const route = `${req.method} ${url.pathname}`;
    const options = Object.fromEntries(
      ['digits', 'algorithm', 'period'].flatMap((k) =>
        url.searchParams.has(k) ? [[k, url.searchParams.get(k)!]] : [],
      ),
    );
    switch (route) {
      case 'HEAD /':
      case 'GET /':
        return send(res, 200, homePage(accounts.isEnrolled(session)));
      case 'GET /enable-2fa': {
        const account = accounts.pending(session, options, Object.keys(options).length > 0);
        return send(
          res,
          200,
          enablePage(accounts.pendingUri(session)!, account.secret, url.searchParams.get('qr') === 'svg'),
        );
      }
      case 'GET /enable-2fa/qr.png': {
        const uri = accounts.pendingUri(session);
        if (!uri) return send(res, 404, errorPage('Not found', 'Open the enable page first.'));
        return send(res, 200, qrPng(uri), 'image/png');
      }
      case 'POST /enable-2fa': {
        const code = (await readForm(req)).get('code') ?? '';
        const outcome = accounts.confirm(session, code);
        if (outcome === 'ok') return send(res, 200, enabledPage());
        const account = accounts.pending(session);
        const text =
          outcome === 'wrong' ? 'Wrong code. Check the time on this device and try again.' : OUTCOME_TEXT[outcome];
        return send(
          res,
          400,
          enablePage(accounts.pendingUri(session)!, account.secret, false, resultMessage(false, text)),
        );
      }
      case 'POST /enable-2fa/new':
        accounts.pending(session, {}, true);
        return redirect(res, '/enable-2fa');
      case 'GET /login':
        return send(res, 200, loginPage());
      case 'POST /login': {
        const outcome = accounts.signIn(session, (await readForm(req)).get('otp') ?? '');
        return send(
          res,
          outcome === 'ok' ? 200 : 401,
          loginPage(resultMessage(outcome === 'ok', OUTCOME_TEXT[outcome])),
        );
      }
    }
    if (route === 'GET /qr.png') {
      // Any text as a QR code (the scan test pages' pictures); bounded, and served on 127.0.0.1 only.
      const text = url.searchParams.get('text') ?? '';
      if (text === '' || text.length > MAX_QR_TEXT)
        return send(res, 400, errorPage('Bad request', `Give ?text= of 1 to ${MAX_QR_TEXT} characters.`));
      return send(res, 200, qrPng(text), 'image/png');
    }
    if (req.method === 'GET' && url.pathname.startsWith('/vendor/')) {
      const script = await vendorScript(url.pathname.slice('/vendor/'.length));
      return script
        ? send(res, 200, script, 'text/javascript; charset=utf-8')
        : send(res, 404, errorPage('Not found', 'No such script.'));
    }
    if (req.method === 'GET' && url.pathname.startsWith('/test/fill/')) {
      const html = fillPage(url.pathname.slice('/test/fill/'.length), url.searchParams);
      return html ? send(res, 200, html) : send(res, 404, errorPage('Not found', 'No such fill test page.'));
    }
    if (req.method === 'GET' && url.pathname.startsWith('/test/scan/')) {
      const html = scanPage(url.pathname.slice('/test/scan/'.length), url.searchParams);
      return html ? send(res, 200, html) : send(res, 404, errorPage('Not found', 'No such scan test page.'));
    }
    if (req.method === 'GET' && url.pathname.startsWith('/test/'))
      return serveTestPage(res, url.pathname.slice('/test/'.length));
    send(res, 404, errorPage('Not found', `Nothing at ${url.pathname}.`));
  }

  const server = createServer((req, res) => {
    // Node writes Date from this computer's clock: write the demo's own instead.
    res.sendDate = false;
    res.setHeader('Date', new Date(now()).toUTCString());
    const session = readSession(req) ?? newSession(res);
    route(req, res, session).catch((error: unknown) => {
      if (error instanceof OtpFieldError) return send(res, 400, errorPage('Bad request', error.message));
      console.error(error);
      send(res, 500, errorPage('Server error', 'Something went wrong.'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${bound}`,
    port: bound,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readSession(req: IncomingMessage): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([0-9a-f]{32})`).exec(req.headers.cookie ?? '');
  return match?.[1];
}

function newSession(res: ServerResponse): string {
  const session = randomBytes(16).toString('hex');
  res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax`);
  return session;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY) throw new OtpFieldError('code', 'The form is too large.');
  }
  return new URLSearchParams(body);
}

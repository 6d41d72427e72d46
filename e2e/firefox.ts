/**
 * Drives Debian's Firefox over WebDriver BiDi (Playwright cannot): starts it headless with a
 * fresh profile, installs the built Firefox extension as a temporary add-on
 * (`webExtension.install`), and runs script in its pages. The profile pins the add-on's internal
 * UUID, so its pages have a known moz-extension:// address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

export const ADDON_ID = 'tessera@tessera-authenticator.org';
export const ADDON_UUID = '5e55e7a0-7e55-4e7a-9e55-e7a07e55e7a0';

const PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  // Quiet: no first-run pages, updates, telemetry or network beyond loopback.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
};

export interface Firefox {
  /** Sends one BiDi command and returns its result. */
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown>): Promise<T>;
  /** Opens an extension page (popup.html, options.html) in a new tab; returns its context. */
  openExtensionPage(page: string): Promise<string>;
  /** Evaluates an async function body in a context; its return value comes back through JSON. */
  evaluate<T>(context: string, body: string): Promise<T>;
  close(): Promise<void>;
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi:\n${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before WebDriver BiDi started:\n${seen}`)));
  });
}

export async function launchFirefox(executable: string, extensionDir: string): Promise<Firefox> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'tessera-firefox-'));
  await writeFile(
    path.join(profile, 'user.js'),
    Object.entries(PREFS)
      .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});\n`)
      .join(''),
  );
  // System access lets the test open the add-on's pages from the browser window, as a click would;
  // BiDi refuses to navigate a tab to moz-extension:// itself.
  const child = spawn(
    executable,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const socket = new WebSocket(`${await listeningUrl(child)}/session`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let next = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
    };
    const call = message.id === undefined ? undefined : waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id!);
    if (message.type === 'error') call.reject(new Error(`${message.error}: ${message.message}`));
    else call.resolve(message.result);
  });
  const send = <T>(method: string, params: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });

  const evaluate = async <T>(context: string, body: string): Promise<T> => {
    const reply = await send<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>(
      'script.evaluate',
      {
        expression: `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
        target: { context },
        awaitPromise: true,
      },
    );
    if (reply.type !== 'success') throw new Error(`Script failed: ${reply.exceptionDetails?.text}`);
    return JSON.parse(reply.result?.value ?? 'null') as T;
  };

  return {
    send,
    evaluate,
    async openExtensionPage(page) {
      const url = `moz-extension://${ADDON_UUID}/${page}`;
      // Firefox 140.12 ESR lets BiDi navigate a new tab there, and no longer lists the browser
      // window (below); a Firefox that refuses the navigation opens the page from that window.
      const { context: tab } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
      const navigated = await send('browsingContext.navigate', { context: tab, url, wait: 'complete' }).then(
        () => true,
        () => false,
      );
      if (navigated && (await evaluate<string>(tab, 'return location.href;')) === url) return tab;
      await send('browsingContext.close', { context: tab });
      const { contexts: windows } = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
        'moz:scope': 'chrome',
      });
      await evaluate(
        windows[0]!.context,
        `const tab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); gBrowser.selectedTab = tab; return true;`,
      );
      for (let tries = 0; tries < 100; tries++) {
        const { contexts } = await send<{ contexts: { context: string; url: string }[] }>(
          'browsingContext.getTree',
          {},
        );
        const opened = contexts.find((context) => context.url === url);
        if (opened) {
          await evaluate(
            opened.context,
            `while (document.readyState !== 'complete') await new Promise((resolve) => setTimeout(resolve, 20)); return true;`,
          );
          return opened.context;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`Firefox did not open ${url}`);
    },
    async close() {
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // Firefox may close the connection without answering: do not wait for it long.
      await Promise.race([send('session.end', {}).catch(() => undefined), pause(2_000)]);
      socket.close();
      const exited =
        child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve();
      child.kill();
      if ((await Promise.race([exited.then(() => true), pause(5_000).then(() => false)])) === false)
        child.kill('SIGKILL');
      await rm(profile, { recursive: true, force: true });
    },
  };
}

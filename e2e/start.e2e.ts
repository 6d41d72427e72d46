/**
 * `npm start` as a newcomer runs it: it builds, serves the demo site on 127.0.0.1, and either
 * opens the browser with Tessera loaded or, with no display, says so and prints what to load.
 * It builds into a temporary folder (TESSERA_OUT_DIR), never into .output/, whose release build
 * the other tests check, and in a user's environment (no Vitest NODE_ENV), so it builds what
 * `npm run build` builds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PRODUCTION_BUILD, ROOT } from './harness';

/** Everything the tests write: the build (OUT_DIR) and a stand-in browser. */
const TEMP = mkdtempSync(path.join(os.tmpdir(), 'tessera-start-'));
const OUT_DIR = path.join(TEMP, 'output');
const BUILD = path.join(OUT_DIR, 'chrome-mv3');
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));

let running: ChildProcess | undefined;
afterEach(() => {
  if (running?.pid) process.kill(-running.pid, 'SIGTERM');
  running = undefined;
});

/** Runs scripts/start.ts until it prints "Press Ctrl+C", and returns what it printed. */
function start(env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: '0', TESSERA_OUT_DIR: OUT_DIR },
    detached: true,
  });
  running = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('Press Ctrl+C')) resolve(output);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

/** The test's environment as a user's shell has it: no display, and no NODE_ENV=test from Vitest. */
function withoutDisplay(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

async function demoHome(output: string): Promise<string> {
  const url = /Demo 2FA site: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
  expect(url).toBeDefined();
  return (await fetch(`${url}/`)).text();
}

describe('npm start', () => {
  it('without a display: builds the release build, serves the demo site and says how to load it by hand', async () => {
    const output = await start(withoutDisplay());
    expect(output).toContain('No display found');
    expect(output).toContain(`"Load unpacked" and choose ${BUILD}`);
    expect(await demoHome(output)).toContain('Tessera demo service');
    // What `npm run build` builds: the release popup (its chunks' hashes), not a development one.
    for (const file of ['manifest.json', 'popup.html'])
      expect(readFileSync(path.join(BUILD, file), 'utf8'), file).toEqual(
        readFileSync(path.join(PRODUCTION_BUILD, file), 'utf8'),
      );
  });

  it('with a display: opens the browser with Tessera loaded and the demo site open', async () => {
    const dir = mkdtempSync(path.join(TEMP, 'browser-'));
    const fakeChrome = path.join(dir, 'chrome');
    writeFileSync(fakeChrome, `#!/bin/sh\nprintf '%s\\n' "$@" > ${dir}/args\n`);
    chmodSync(fakeChrome, 0o755);
    const output = await start({ ...withoutDisplay(), DISPLAY: ':99', CHROME_PATH: fakeChrome });
    await expect
      .poll(() => readFileSync(path.join(dir, 'args'), 'utf8').split('\n'), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([`--load-extension=${BUILD}`, `--disable-extensions-except=${BUILD}`]));
    const args = readFileSync(path.join(dir, 'args'), 'utf8').split('\n');
    const home = /Demo 2FA site: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)![1];
    expect(args).toContain(home);
    expect(args).toContain(`--user-data-dir=${path.join(ROOT, '.tessera-profile')}`);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../core/vault/settings';
import type { ClockState } from './clock-items';
import { CHECK_EVERY_MS, createClockService } from './clock-service';
import type { PageDateSample } from './page/head-date';

const T = Date.UTC(2026, 11, 1, 20, 0, 0, 300);
const TAB = { id: 7, url: 'https://github.com/login?return_to=x' };

/**
 * A fake clock (`local`), a fake server whose clock is `skewMs` ahead, and a fake page that
 * answers a HEAD request taking `roundTrip` ms with the server's `Date` header.
 */
function setup({ skewMs = 125_000, roundTrip = 80, origin = 'https://github.com' } = {}) {
  let local = T;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let stored: ClockState = { last: null, asked: {} };
  let answer: (() => void) | undefined;
  const server = { skewMs, origin, date: (ms: number) => new Date(ms).toUTCString() as string | null, hold: false };
  const probe = vi.fn(async (): Promise<PageDateSample | null> => {
    const sentAt = local;
    if (server.hold) await new Promise<void>((resolve) => (answer = resolve));
    const date = server.date(sentAt + roundTrip / 2 + server.skewMs);
    local += roundTrip;
    return { origin: server.origin, date, age: null, sentAt, receivedAt: local };
  });
  const setCorrection = vi.fn(async (clockOffsetMs: number) => (settings = { ...settings, clockOffsetMs }));
  const clock = createClockService({
    probe,
    state: { getValue: async () => stored, setValue: async (value) => void (stored = value) },
    correction: async () => settings.clockOffsetMs,
    setCorrection,
    now: () => local,
  });
  return {
    clock,
    probe,
    server,
    setCorrection,
    advance: (ms: number) => (local += ms),
    answer: () => answer?.(),
    stored: () => stored,
  };
}

describe('the clock service', () => {
  it('warns, with the site and the offset, when the clock is 2 min 5 s slow', async () => {
    const { clock, probe } = setup();
    await clock.check(TAB);
    expect(probe).toHaveBeenCalledWith(7);
    const warning = await clock.warning();
    expect(warning).toMatchObject({ host: 'github.com', correctionMs: 0 });
    expect(Math.abs(warning!.errorMs - 125_000)).toBeLessThanOrEqual(600);
  });

  it.each([
    ['in step', 0],
    ['15 s fast', -15_000],
  ])('says nothing when the clock is %s', async (_name, skewMs) => {
    const { clock } = setup({ skewMs });
    await clock.check(TAB);
    expect(await clock.warning()).toBeNull();
  });

  it('warns about a fast clock too', async () => {
    const { clock } = setup({ skewMs: -300_000 });
    await clock.check(TAB);
    expect((await clock.warning())!.errorMs).toBeLessThan(-299_000);
  });

  it('asks each origin at most once per 10 minutes', async () => {
    const { clock, probe, advance } = setup();
    await clock.check(TAB);
    await clock.check({ id: 8, url: 'https://github.com/settings' });
    expect(probe).toHaveBeenCalledTimes(1);
    await clock.check({ id: 8, url: 'https://gitlab.com/' });
    expect(probe).toHaveBeenCalledTimes(2);
    advance(CHECK_EVERY_MS);
    await clock.check(TAB);
    expect(probe).toHaveBeenCalledTimes(3);
  });

  it('asks once for checks that overlap, and the warning waits for the check under way', async () => {
    const { clock, probe, server, answer } = setup();
    server.hold = true;
    const first = clock.check(TAB);
    const second = clock.check(TAB);
    let warning: unknown = 'not yet';
    const asked = clock.warning().then((value) => (warning = value));
    await vi.waitFor(() => expect(probe).toHaveBeenCalledTimes(1));
    expect(warning).toBe('not yet');
    answer();
    await Promise.all([first, second, asked]);
    expect(warning).toMatchObject({ host: 'github.com' });
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a page that is no web page', { id: 7, url: 'chrome://settings/' }],
    ['a tab without a URL', { id: 7 }],
    ['a tab without an id', { url: 'https://github.com/' }],
  ])('does not ask %s', async (_name, tab) => {
    const { clock, probe } = setup();
    await clock.check(tab);
    expect(probe).not.toHaveBeenCalled();
  });

  it.each([
    ['no Date header', (s: ReturnType<typeof setup>['server']) => void (s.date = () => null)],
    ['an unreadable Date header', (s: ReturnType<typeof setup>['server']) => void (s.date = () => 'soon')],
    [
      'an answer from another origin',
      (s: ReturnType<typeof setup>['server']) => void (s.origin = 'https://evil.example'),
    ],
  ])('keeps nothing for %s', async (_name, change) => {
    const context = setup();
    change(context.server);
    await context.clock.check(TAB);
    expect(context.stored().last).toBeNull();
    expect(await context.clock.warning()).toBeNull();
  });

  it('keeps nothing when the page cannot ask (a restricted page, a timeout)', async () => {
    const { clock, probe, stored } = setup();
    probe.mockResolvedValueOnce(null);
    await clock.check(TAB);
    expect(stored().last).toBeNull();
  });

  it('uses the corrected time when asked, and then no longer warns; Reset brings the warning back', async () => {
    const { clock, setCorrection } = setup();
    await clock.check(TAB);
    const settings = await clock.useCorrection();
    expect(setCorrection).toHaveBeenCalledTimes(1);
    expect(Math.abs(settings.clockOffsetMs - 125_000)).toBeLessThanOrEqual(600);
    expect(await clock.warning()).toBeNull();
    await setCorrection(0);
    expect(await clock.warning()).toMatchObject({ correctionMs: 0 });
  });

  it('warns when a correction in use no longer fits (the clock was set right since)', async () => {
    const { clock, setCorrection, server, advance } = setup();
    await setCorrection(125_000);
    server.skewMs = 0;
    await clock.check(TAB);
    expect((await clock.warning())!).toMatchObject({ correctionMs: 125_000 });
    expect((await clock.warning())!.errorMs).toBeLessThan(-124_000);
    advance(1);
    expect((await clock.useCorrection()).clockOffsetMs).toBe(0);
    expect(await clock.warning()).toBeNull();
  });

  it('refuses a correction before any check', async () => {
    const { clock } = setup();
    await expect(clock.useCorrection()).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stays dismissed while checks find about the same offset, and warns again for another', async () => {
    const { clock, advance, server } = setup();
    await clock.check(TAB);
    await clock.dismiss();
    expect(await clock.warning()).toBeNull();
    advance(CHECK_EVERY_MS);
    server.skewMs = 126_000;
    await clock.check(TAB);
    expect(await clock.warning()).toBeNull();
    advance(CHECK_EVERY_MS);
    server.skewMs = 600_000;
    await clock.check(TAB);
    expect(await clock.warning()).toMatchObject({ host: 'github.com' });
  });

  it('forgets origins asked over 10 minutes ago', async () => {
    const { clock, advance, stored } = setup();
    await clock.check(TAB);
    advance(CHECK_EVERY_MS);
    await clock.check({ id: 8, url: 'https://gitlab.com/' });
    expect(Object.keys(stored().asked)).toEqual(['https://gitlab.com']);
  });
});

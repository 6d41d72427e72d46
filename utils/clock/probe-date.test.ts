import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { probeDate, PROBE_TIMEOUT_MS } from './probe-date';
import { headDate } from './page/head-date';

type Inject = typeof fakeBrowser.scripting.executeScript;
const SAMPLE = {
  origin: 'https://github.com',
  date: 'Tue, 01 Dec 2026 20:00:00 GMT',
  age: null,
  sentAt: 1,
  receivedAt: 2,
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('probeDate', () => {
  it("runs head-date in the tab's top frame only, with its timeout", async () => {
    const inject = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([{ frameId: 0, result: SAMPLE }] as Awaited<ReturnType<Inject>>);
    expect(await probeDate(5)).toEqual(SAMPLE);
    expect(inject).toHaveBeenCalledWith({
      target: { tabId: 5, frameIds: [0] },
      func: headDate,
      args: [PROBE_TIMEOUT_MS],
    });
  });

  it('gives no answer where Tessera may not run scripts', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await probeDate(5)).toBeNull();
  });

  it('gives up on a page that never answers', async () => {
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockReturnValue(new Promise(() => {}));
    const answer = probeDate(5);
    await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS + 2_000);
    expect(await answer).toBeNull();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { BENCH_MARK, installBenchMarks } from './bench-marks';

type Listener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => unknown;

/** A chrome.* with one storage area answering by promise, one by callback, and one onMessage. */
function fakeChrome() {
  const listeners: Listener[] = [];
  const chrome = {
    storage: {
      local: { get: vi.fn(async (key: string) => ({ [key]: 1 })) },
      session: { get: vi.fn((key: string, callback: (items: object) => void) => void callback({ [key]: 2 })) },
    },
    runtime: { onMessage: { addListener: (listener: Listener) => void listeners.push(listener) } },
  };
  vi.stubGlobal('chrome', chrome);
  return { chrome, listeners };
}

const marks = () => performance.getEntriesByType('mark').map((mark) => mark.name);

afterEach(() => performance.clearMarks());

describe('installBenchMarks (e2e build only)', () => {
  it('marks each storage read, answered by promise or by callback, and passes the answer on', async () => {
    const { chrome } = fakeChrome();
    installBenchMarks();
    expect(await chrome.storage.local.get('vault')).toEqual({ vault: 1 });
    const items = await new Promise((resolve) => chrome.storage.session.get('vaultKey', resolve));
    expect(items).toEqual({ vaultKey: 2 });
    expect(marks()).toEqual([
      `${BENCH_MARK.storage} local.get begin`,
      `${BENCH_MARK.storage} local.get end`,
      `${BENCH_MARK.storage} session.get begin`,
      `${BENCH_MARK.storage} session.get end`,
    ]);
  });

  it('marks a message when received and when answered, and answers it unchanged', async () => {
    const { chrome, listeners } = fakeChrome();
    installBenchMarks();
    chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      setTimeout(() => sendResponse({ ok: true }), 0);
      return true;
    });
    const answer = await new Promise((resolve) => {
      expect(listeners[0]!({ type: 'vault.status' }, {}, resolve)).toBe(true);
      expect(marks()).toEqual([`${BENCH_MARK.received} vault.status`]);
    });
    expect(answer).toEqual({ ok: true });
    expect(marks()).toEqual([`${BENCH_MARK.received} vault.status`, `${BENCH_MARK.answered} vault.status`]);
  });
});

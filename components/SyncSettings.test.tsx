import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import type { SyncStatus } from '../utils/core/sync/sync-status';
import { SyncStatusLines } from './SyncSettings';

/** browser.i18n with the English messages, `$1`-style placeholders filled. */
function english() {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: keyof typeof en, values: string[] = []) =>
    en[key].message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '')) as never);
}

function shown(status: SyncStatus) {
  english();
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root')!;
  render(<SyncStatusLines status={status} />, root as unknown as Element);
  return [...root.querySelectorAll('p')].map((line) => ({ role: line.getAttribute('role'), text: line.textContent }));
}

const BASE: SyncStatus = { enabled: true, lastSyncedAt: null, devices: [], bytes: 0, quota: 102_400, notices: [] };

describe('SyncStatusLines (Settings, Sync)', () => {
  it('names this device among those seen, and the kilobytes used of the quota', () => {
    const lines = shown({
      ...BASE,
      devices: [
        { device: 'a', label: 'Chrome · Linux', lastSeen: 2, self: true },
        { device: 'b', label: 'Chrome · Windows', lastSeen: 1, self: false },
      ],
      bytes: 3_174,
    });
    expect(lines.map((line) => line.text)).toEqual([
      'Not synced yet.',
      'Devices: Chrome · Linux (this device), Chrome · Windows',
      '3.1 KB of 100 KB used',
    ]);
  });

  it('says why sync paused: the bytes the quota would need, or a passphrase changed elsewhere', () => {
    expect(shown({ ...BASE, paused: { reason: 'quota', bytes: 123_456, quota: 102_400 } }).at(-1)).toEqual({
      role: 'alert',
      text: 'Sync is paused: your accounts need 123,456 bytes, more than the 102,400 bytes the browser allows. Tessera keeps working on this device.',
    });
    expect(shown({ ...BASE, paused: { reason: 'other-key' } }).at(-1)?.text).toMatch(
      /^Sync is paused: the passphrase was changed on another device\./,
    );
  });

  it('lists each ignored area with the device it came from', () => {
    const lines = shown({
      ...BASE,
      notices: [
        { device: 'b', label: 'Chrome · Windows', code: 'sync-damaged' },
        { device: 'c', label: 'c', code: 'sync-newer' },
      ],
    });
    expect(lines.slice(-2)).toEqual([
      {
        role: 'status',
        text: 'Synced data from Chrome · Windows failed its checks and was ignored; your accounts here are unchanged.',
      },
      {
        role: 'status',
        text: 'Synced data from c comes from a newer Tessera and was ignored. Update Tessera to read it.',
      },
    ]);
  });
});

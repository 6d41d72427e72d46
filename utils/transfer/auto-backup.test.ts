import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { inProcessHelper } from '../../tests/in-process-helper';
import { utf8 } from '../core/internal/bytes';
import { importFile } from '../core/import/import-file';
import {
  AUTO_BACKUP_DAY_MS,
  AUTO_BACKUP_OFF,
  AUTO_BACKUP_QUIET_MS,
  AUTO_BACKUP_WEEK_MS,
} from '../core/export/auto-backup-plan';
import {
  AUTO_BACKUP_ALARM,
  autoBackupFilesItem,
  autoBackupItem,
  createAutoBackup,
  forgetAutoBackups,
} from './auto-backup';
import { backupHandlers, lastBackupItem } from './backup-handlers';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { previewHandlers } from '../preview/preview-handlers';
import { createPreviewService } from '../preview/preview-service';
import { requireKey } from '../vault/session-key';
import type { BackupDownloads, DownloadedFile } from './backup-downloads';

const START = Date.UTC(2026, 11, 2, 9);
const MINUTE = 60_000;
let clock = START;
beforeEach(() => {
  fakeBrowser.reset();
  clock = START;
});

/** The browser's downloads as the test sees them: files by download id, what was removed. */
/** How the browser numbers a name taken (uniquify) and where its downloads folder is. */
interface Naming {
  numbered: (n: number) => string;
  folder: string;
  slash: string;
}
const CHROME_LINUX: Naming = { numbered: (n) => ` (${n})`, folder: '/home/u/Downloads', slash: '/' };

function fakeDownloads({ numbered, folder, slash }: Naming = CHROME_LINUX) {
  const items = new Map<number, DownloadedFile>();
  const removed: number[] = [];
  let allowed = true;
  let nextId = 1;
  const downloads: BackupDownloads = {
    allowed: async () => allowed,
    async write(name, text) {
      expect(JSON.parse(text)).toMatchObject({ format: 'tessera-backup' });
      const id = nextId++;
      const path = `${folder}${slash}${name.replaceAll('/', slash)}`;
      const taken = [...items.values()].filter((item) => item.filename.startsWith(path.slice(0, -5)));
      const suffix = taken.length ? numbered(taken.length) : '';
      items.set(id, {
        filename: path.replace(/\.json$/, `${suffix}.json`),
        byExtensionId: fakeBrowser.runtime.id,
        state: 'complete',
      });
      return id;
    },
    find: async (id) => items.get(id),
    async remove(id) {
      removed.push(id);
      items.delete(id);
    },
  };
  return { downloads, items, removed, setAllowed: (value: boolean) => (allowed = value) };
}

async function setup({ keep, naming }: { keep?: number; naming?: Naming } = {}) {
  const parts = testVault({ now: () => clock });
  await parts.vault.create(PASSPHRASE);
  const fake = fakeDownloads(naming);
  const notes: number[] = [];
  const auto = createAutoBackup({
    store: parts.store,
    downloads: fake.downloads,
    now: () => clock,
    noteBackup: async (at) => {
      notes.push(at);
      await lastBackupItem.setValue({ at });
    },
  });
  auto.watch();
  if (keep !== undefined) await autoBackupItem.setValue({ ...AUTO_BACKUP_OFF, keep });
  /** Lets the storage watchers fire and the queued steps finish. */
  const settled = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await auto.settled();
  };
  const add = async (n: number) => {
    await parts.accounts.add({ account: sampleAccount(n) });
    await settled();
  };
  const alarmAt = async () => (await fakeBrowser.alarms.get(AUTO_BACKUP_ALARM))?.scheduledTime;
  /** Moves the clock to the alarm and fires it. */
  const fire = async () => {
    const when = await alarmAt();
    expect(when, 'an alarm is set').toBeDefined();
    clock = when!;
    await auto.onAlarm({ name: AUTO_BACKUP_ALARM });
  };
  return { ...parts, ...fake, auto, notes, settled, add, alarmAt, fire };
}

describe('automatic backups', () => {
  it('write nothing while off, however the vault changes', async () => {
    const { add, items, alarmAt } = await setup();
    await add(1);
    expect(items.size).toBe(0);
    expect(await alarmAt()).toBeUndefined();
  });

  it('write the first backup when turned on: the backup file in Tessera/, opened by the passphrase', async () => {
    const { add, auto, items, notes } = await setup();
    await add(1);
    await add(2);
    const list = await auto.setOn(true);
    expect(list).toMatchObject({ on: true, keep: 10, folder: 'Tessera', backups: [{ at: START, accounts: 2 }] });
    expect([...items.values()].map((item) => item.filename)).toEqual([
      '/home/u/Downloads/Tessera/tessera-backup-2026-12-02.json',
    ]);
    expect(notes).toEqual([START]);
    const text = await auto.text(list.backups[0]!.id);
    expect(text).not.toContain('JBSWY3DP');
    const restored = await importFile(utf8(text), PASSPHRASE);
    expect(restored.accounts.map((item) => item.account.issuer)).toEqual(['Issuer 1', 'Issuer 2']);
  });

  it('refuse to turn on without the downloads permission, and write nothing once it is taken away', async () => {
    const { auto, add, items, setAllowed, fire } = await setup();
    setAllowed(false);
    await expect(auto.setOn(true)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await autoBackupItem.getValue()).on).toBe(false);
    setAllowed(true);
    await auto.setOn(true);
    setAllowed(false);
    clock += AUTO_BACKUP_DAY_MS;
    await add(1);
    await fire();
    expect(items.size).toBe(1);
  });

  it('write nothing while locked, and catch up at the next unlock', async () => {
    const { auto, add, items, vault, fire, settled } = await setup();
    await auto.setOn(true);
    clock += AUTO_BACKUP_DAY_MS;
    await add(1);
    await vault.lock();
    await fire();
    expect(items.size).toBe(1);
    await vault.unlock(PASSPHRASE);
    await settled();
    expect(items.size).toBe(2);
    expect((await auto.list()).backups.map((backup) => backup.accounts)).toEqual([0, 1]);
  });

  it('wait for a quiet minute after changes (debounced), then write one', async () => {
    const { auto, add, items, alarmAt, fire } = await setup();
    await auto.setOn(true);
    clock += 2 * AUTO_BACKUP_DAY_MS;
    await add(1);
    expect(await alarmAt()).toBe(clock + AUTO_BACKUP_QUIET_MS);
    clock += MINUTE / 2;
    await add(2);
    clock += MINUTE / 2;
    await add(3);
    expect(await alarmAt()).toBe(clock + AUTO_BACKUP_QUIET_MS);
    await fire();
    expect(items.size).toBe(2);
    expect((await auto.list()).backups.at(-1)).toMatchObject({ accounts: 3 });
    // Nothing changed since: the next is the weekly one.
    expect(await alarmAt()).toBe(clock + AUTO_BACKUP_WEEK_MS);
  });

  it('back up changes at most once a day', async () => {
    const { auto, add, items, alarmAt, fire } = await setup();
    await auto.setOn(true);
    clock += 10 * MINUTE;
    await add(1);
    expect(await alarmAt()).toBe(START + AUTO_BACKUP_DAY_MS);
    // A stray alarm (or an unlock) before then writes nothing.
    clock += 10 * MINUTE;
    await auto.run();
    expect(items.size).toBe(1);
    await fire();
    expect(clock).toBe(START + AUTO_BACKUP_DAY_MS);
    expect(items.size).toBe(2);
  });

  it('back up weekly without changes', async () => {
    const { auto, items, alarmAt, fire } = await setup();
    await auto.setOn(true);
    expect(await alarmAt()).toBe(START + AUTO_BACKUP_WEEK_MS);
    await fire();
    await fire();
    expect(clock).toBe(START + 2 * AUTO_BACKUP_WEEK_MS);
    expect((await auto.list()).backups.map((backup) => backup.at)).toEqual([
      START,
      START + AUTO_BACKUP_WEEK_MS,
      START + 2 * AUTO_BACKUP_WEEK_MS,
    ]);
    expect(items.size).toBe(3);
  });

  it('keep the newest N, removing their files and bytes, and only files Tessera wrote', async () => {
    const { auto, items, removed, fire } = await setup({ keep: 2 });
    await auto.setOn(true);
    await fire();
    const [first, second] = (await auto.list()).backups;
    await fire();
    // The oldest went, file and bytes; the two newest stay.
    expect(removed).toEqual([1]);
    expect((await auto.list()).backups.map((backup) => backup.id)).toEqual([second!.id, expect.any(String)]);
    expect(Object.keys(await autoBackupFilesItem.getValue())).not.toContain(first!.id);
    await expect(auto.text(first!.id)).rejects.toMatchObject({ code: 'not-found' });
    // The second's download now names a file Tessera did not write (another extension's, or
    // the user's own renamed copy): it leaves the list, its file stays.
    items.set(2, {
      filename: '/home/u/Downloads/Tessera/tessera-backup-2026-12-09.json',
      byExtensionId: 'someone-else',
    });
    await fire();
    expect(removed).toEqual([1]);
    expect(items.has(2)).toBe(true);
    expect((await auto.list()).backups).toHaveLength(2);
    // A download id that now names another file of Tessera's own is not the recorded one either.
    items.set(3, { filename: '/home/u/Downloads/other.json', byExtensionId: fakeBrowser.runtime.id });
    await fire();
    expect(removed).toEqual([1]);
    expect(items.has(3)).toBe(true);
  });

  it.each([
    ['Chrome', CHROME_LINUX, '/home/u/Downloads/Tessera/tessera-backup-2026-12-02 (1).json'],
    [
      'Firefox on Windows',
      { numbered: (n: number) => `(${n})`, folder: 'C:\\Users\\u\\Downloads', slash: '\\' },
      'C:\\Users\\u\\Downloads\\Tessera\\tessera-backup-2026-12-02(1).json',
    ],
  ])(
    'name a second file of the same day as %s does (uniquify) and remove it by that name',
    async (_, naming, second) => {
      const { auto, items, removed, settled, add, fire } = await setup({ keep: 1, naming });
      await auto.setOn(true);
      await auto.setOn(false);
      clock += AUTO_BACKUP_DAY_MS / 2;
      // Off, then on again: a first backup again, the same day.
      await auto.setOn(true);
      expect(items.get(2)?.filename).toBe(second);
      expect(removed).toEqual([1]);
      await add(1);
      await settled();
      await fire();
      expect(removed).toEqual([1, 2]);
    },
  );

  it('after a passphrase change, back up under the new one and remove the older ones Tessera wrote', async () => {
    const { auto, vault, removed, fire, add } = await setup();
    await add(1);
    await auto.setOn(true);
    await fire();
    expect((await auto.list()).backups).toHaveLength(2);
    const next = 'the changed vault passphrase';
    await vault.changePassphrase(PASSPHRASE, next);
    await auto.passphraseChanged();
    const { backups } = await auto.list();
    expect(backups).toHaveLength(1);
    expect(removed).toEqual([1, 2]);
    const text = await auto.text(backups[0]!.id);
    await expect(importFile(utf8(text), PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-password' });
    expect((await importFile(utf8(text), next)).accounts.map((item) => item.account.issuer)).toEqual(['Issuer 1']);
    // Off, nothing happens.
    await auto.setOn(false);
    await auto.passphraseChanged();
    expect((await auto.list()).backups).toHaveLength(1);
  });

  it('are forgotten in this browser when the vault is erased; the files stay, never removed later', async () => {
    const { add, auto, items, removed } = await setup();
    await add(1);
    await auto.setOn(true);
    expect(Object.keys(await autoBackupFilesItem.getValue())).toHaveLength(1);
    await forgetAutoBackups();
    expect(await autoBackupFilesItem.getValue()).toEqual({});
    expect(await autoBackupItem.getValue()).toMatchObject({ on: true, backups: [] });
    expect(items.size).toBe(1);
    expect(removed).toEqual([]);
  });

  it('stop setting alarms when turned off', async () => {
    const { auto, alarmAt } = await setup();
    await auto.setOn(true);
    expect(await alarmAt()).toBeDefined();
    await auto.setOn(false);
    expect(await alarmAt()).toBeUndefined();
  });
});

describe('backup.auto and backup.restore', () => {
  const page = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

  it('turn them on, list them in backup.status (the reminder counts them), and restore one through the preview', async () => {
    const parts = await setup();
    const previews = createPreviewService({ accounts: parts.accounts });
    const route = createMessageRouter({
      ...backupHandlers(parts.store, () => clock, { auto: parts.auto, previews, helper: inProcessHelper }),
      ...previewHandlers(previews),
    } as unknown as Handlers);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(await parts.accounts.add({ account: sampleAccount(n) }));
    await parts.accounts.bindSite(ids[0]!, 'github.com');
    await parts.accounts.edit(ids[2]!, {}, true);
    await parts.accounts.move(ids[1]!, ids[0]!);
    const original = (await parts.store.read(await requireKey())).contents.entries;
    expect(await route({ type: 'backup.status' }, page())).toMatchObject({
      ok: true,
      value: { reminder: 'never', auto: { on: false, backups: [] } },
    });
    const on = (await route({ type: 'backup.auto', payload: { on: true } }, page())) as {
      value: { backups: { id: string }[] };
    };
    expect(on.value.backups).toHaveLength(1);
    expect(await route({ type: 'backup.status' }, page())).toEqual({
      ok: true,
      value: {
        lastAt: START,
        auto: {
          on: true,
          keep: 10,
          folder: 'Tessera',
          backups: [{ id: on.value.backups[0]!.id, at: START, accounts: 3 }],
        },
      },
    });

    // Everything goes; the kept backup brings it back, in order, with pins and sites.
    for (const id of ids) await parts.accounts.remove(id);
    expect(await route({ type: 'backup.restore', payload: { id: on.value.backups[0]!.id } }, page())).toMatchObject({
      ok: false,
      error: { code: 'password-required' },
    });
    const preview = (await route(
      { type: 'backup.restore', payload: { id: on.value.backups[0]!.id, password: PASSPHRASE } },
      page(),
    )) as { ok: true; value: { nonce: string; accounts: { key: string }[] } };
    await route(
      {
        type: 'preview.confirm',
        payload: {
          nonce: preview.value.nonce,
          choices: preview.value.accounts.map(({ key }) => ({ key, action: 'add' })),
        },
      },
      page(),
    );
    const restored = (await parts.store.read(await requireKey())).contents.entries;
    const shape = (entries: typeof original) =>
      entries.map((entry) => [entry.account.issuer, entry.sites ?? [], entry.pinned === true]);
    expect(shape(restored)).toEqual(shape(original));
    expect(await route({ type: 'backup.restore', payload: { id: 'gone' } }, page())).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuse content scripts and locked sessions', async () => {
    const parts = await setup();
    const previews = createPreviewService({ accounts: parts.accounts });
    const route = createMessageRouter({
      ...backupHandlers(parts.store, () => clock, { auto: parts.auto, previews, helper: inProcessHelper }),
    } as unknown as Handlers);
    const content: Sender = { id: fakeBrowser.runtime.id, url: 'https://example.com/', tab: { id: 1 } } as Sender;
    expect(await route({ type: 'backup.auto', payload: { on: true } }, content)).toMatchObject({ ok: false });
    await parts.vault.lock();
    expect(await route({ type: 'backup.auto', payload: { on: true } }, page())).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(parts.items.size).toBe(0);
  });
});

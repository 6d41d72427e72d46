/**
 * Automatic backups (issue 17): while turned on and unlocked, Tessera writes the backup file
 * (utils/core/export/backup-file.ts, under the vault's passphrase) to `Downloads/Tessera/` after
 * changes and weekly (utils/core/export/auto-backup-plan.ts), and keeps the newest N. It notices
 * changes by watching the stored vault, not by hooking each handler, and an unlock by watching the
 * session record. Only files it wrote are ever removed: a download it started (its id and the
 * path the browser reported), checked again before removal. Pages cannot read the downloads
 * folder, so each kept backup's bytes (ciphertext, like the vault) also stay in storage.local,
 * where a restore reads them.
 */
import { browser } from 'wxt/browser';
import { defineItem, setItems } from '../background/stored-item';
import { backupFileName, encodeBackupFile } from '../core/export/backup-file';
import {
  AUTO_BACKUP_OFF,
  autoBackupsToDrop,
  nextAutoBackup,
  type AutoBackupRecord,
  type AutoBackupState,
} from '../core/export/auto-backup-plan';
import type { AutoBackupList } from '../core/export/backup-status';
import { ServiceError } from '../core/internal/service-error';
import { lockEpoch, sameEpoch } from '../vault/lock-epoch';
import { sessionBackupKey, sessionKey } from '../vault/session-key';
import { sessionKeyItem, vaultItem } from '../vault/vault-items';
import type { VaultStore } from '../vault/vault-store';
import { browserDownloads, type BackupDownloads, type DownloadedFile } from './backup-downloads';

export const AUTO_BACKUP_ALARM = 'tessera-auto-backup';
/** The folder under the browser's downloads folder. */
export const AUTO_BACKUP_FOLDER = 'Tessera';

/**
 * On or off, and the backups written (not secret: dates, counts, file names). Read as a copy
 * before changing it: the fallback is one shared object.
 */
export const autoBackupItem = defineItem<AutoBackupState>('local:autoBackup', { fallback: AUTO_BACKUP_OFF });
/** Each kept backup's file text by its id: ciphertext, like the vault. */
export const autoBackupFilesItem = defineItem<Record<string, string>>('local:autoBackupFiles', {
  fallback: {},
});

/**
 * Whether the download is the file Tessera wrote for `record`: started by Tessera, and at the path
 * noted once it finished; before that, at the name asked for, numbered as uniquify numbers it
 * (Chrome: `tessera-backup-2026-12-02 (1).json`, Firefox: `…-02(1).json`; either slash).
 */
function isOurs(item: DownloadedFile | undefined, record: AutoBackupRecord): item is DownloadedFile {
  if (!item || item.byExtensionId !== browser.runtime.id) return false;
  if (record.file !== undefined) return item.filename === record.file;
  const stem = record.name.replace(/\.json$/, '');
  const tail = item.filename.replaceAll('\\', '/').split('/').slice(-2).join('/');
  return tail.startsWith(stem) && /^(?: ?\(\d+\))?\.json$/.test(tail.slice(stem.length));
}

/**
 * "Erase everything" erases the backups kept in this browser too (they hold every account, under
 * the old passphrase). The files in Downloads stay the user's: Tessera forgets them, so it never
 * removes them later. Whether backups are on stays as it was.
 */
export async function forgetAutoBackups(): Promise<void> {
  const { changedAt: _, ...state } = await autoBackupItem.getValue();
  await autoBackupItem.setValue({ ...state, backups: [] });
  await autoBackupFilesItem.removeValue();
}

export interface AutoBackupOptions {
  store: VaultStore;
  /** Notes a backup made (the reminder counts automatic ones: `local:lastBackup`). */
  noteBackup: (at: number) => Promise<void>;
  downloads?: BackupDownloads;
  now?: () => number;
}

export function createAutoBackup({
  store,
  noteBackup,
  downloads = browserDownloads,
  now = Date.now,
}: AutoBackupOptions) {
  let queue: Promise<unknown> = Promise.resolve();
  /** State changes run one at a time (a change noted while a backup is written must not be lost). */
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function schedule(state: AutoBackupState): Promise<void> {
    const due = nextAutoBackup(state, now());
    // Due and not written (locked, or no permission): the next unlock or change tries again.
    if (due === undefined || due <= now()) await browser.alarms.clear(AUTO_BACKUP_ALARM);
    else await browser.alarms.create(AUTO_BACKUP_ALARM, { when: due });
  }

  /** Writes one backup file; false when locked, without permission, or locked meanwhile. */
  async function write(state: AutoBackupState, files: Record<string, string>): Promise<boolean> {
    if (!(await downloads.allowed())) return false;
    const key = await sessionKey();
    const own = await sessionBackupKey();
    if (!key || !own) return false; // locked (or a session from before backup keys: the next unlock)
    const since = lockEpoch();
    const at = now();
    const { blob, contents } = await store.backup(key, own);
    if (!sameEpoch(since)) return false;
    const text = encodeBackupFile(blob, contents.entries.length, new Date(at));
    const name = `${AUTO_BACKUP_FOLDER}/${backupFileName(new Date(at))}`;
    const downloadId = await downloads.write(name, text);
    const id = crypto.randomUUID();
    state.backups.push({ id, at, accounts: contents.entries.length, downloadId, name });
    files[id] = text;
    delete state.changedAt;
    return true;
  }

  /** Notes the paths of finished downloads, then removes the oldest beyond `keep`, each only if its file is ours. */
  async function rotate(state: AutoBackupState, files: Record<string, string>): Promise<void> {
    for (const record of state.backups) {
      if (record.file !== undefined) continue;
      const item = await downloads.find(record.downloadId).catch(() => undefined);
      if (isOurs(item, record) && item.state === 'complete') record.file = item.filename;
    }
    const dropped = autoBackupsToDrop(state.backups, state.keep);
    for (const record of dropped) {
      const item = await downloads.find(record.downloadId).catch(() => undefined);
      if (isOurs(item, record)) await downloads.remove(record.downloadId).catch(() => undefined);
      delete files[record.id];
    }
    state.backups = state.backups.slice(dropped.length);
  }

  /** Writes a backup when one is due (or `now`), and sets the alarm for the next. */
  async function runNow(force = false): Promise<void> {
    const state = structuredClone(await autoBackupItem.getValue());
    const due = nextAutoBackup(state, now());
    if (due !== undefined && (force || due <= now())) {
      const files = structuredClone(await autoBackupFilesItem.getValue());
      if (await write(state, files)) {
        await rotate(state, files);
        await setItems([
          { item: autoBackupFilesItem, value: files },
          { item: autoBackupItem, value: state },
        ]);
        await noteBackup(state.backups.at(-1)!.at);
      }
    }
    await schedule(state);
  }

  async function list(): Promise<AutoBackupList> {
    const { on, keep, backups } = await autoBackupItem.getValue();
    return {
      on,
      keep,
      folder: AUTO_BACKUP_FOLDER,
      backups: backups.map(({ id, at, accounts }) => ({ id, at, accounts })),
    };
  }

  /** Backs up now if due (an alarm, an unlock). */
  const run = () => oneAtATime(runNow);

  /** The vault changed: back it up once quiet (and not sooner than a day after the last). */
  const changed = () =>
    oneAtATime(async () => {
      const state = structuredClone(await autoBackupItem.getValue());
      if (!state.on) return;
      state.changedAt = now();
      await autoBackupItem.setValue(state);
      await schedule(state);
    });

  return {
    list,
    run,
    changed,

    /**
     * Turns automatic backups on (the `downloads` permission must be held: the page asked) and
     * writes one at once (changes made while off were not followed); or off.
     */
    setOn: (on: boolean) =>
      oneAtATime(async () => {
        if (on && !(await downloads.allowed()))
          throw new ServiceError('forbidden', 'Allow Tessera to download files to back up automatically.');
        const before = await autoBackupItem.getValue();
        await autoBackupItem.setValue({ ...before, on });
        await runNow(on && !before.on);
        return list();
      }),

    /**
     * The passphrase changed, maybe because the old one leaked: the kept backups open with it. One
     * is written under the new passphrase, then every older one Tessera wrote goes (file and copy).
     */
    passphraseChanged: () =>
      oneAtATime(async () => {
        const state = structuredClone(await autoBackupItem.getValue());
        if (!state.on) return;
        const files = structuredClone(await autoBackupFilesItem.getValue());
        if (!(await write(state, files))) return;
        const keep = state.keep;
        state.keep = 1;
        await rotate(state, files);
        state.keep = keep;
        await setItems([
          { item: autoBackupFilesItem, value: files },
          { item: autoBackupItem, value: state },
        ]);
        await noteBackup(state.backups.at(-1)!.at);
        await schedule(state);
      }),

    /** A kept backup's file text. */
    async text(id: string): Promise<string> {
      const text = (await autoBackupFilesItem.getValue())[id];
      if (text === undefined) throw new ServiceError('not-found', 'That automatic backup is no longer kept.');
      return text;
    },

    onAlarm(alarm: { name: string }): Promise<void> | undefined {
      return alarm.name === AUTO_BACKUP_ALARM ? oneAtATime(runNow) : undefined;
    },

    /** Watches the stored vault (a change) and the session record (an unlock). */
    watch(): void {
      vaultItem.watch(() => void changed());
      sessionKeyItem.watch((value, old) => {
        if (value !== null && old === null) void run();
      });
    },

    /** Resolves once every queued step has run (tests). */
    settled: () => oneAtATime(async () => undefined),
  };
}

export type AutoBackup = ReturnType<typeof createAutoBackup>;

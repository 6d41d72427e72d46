/**
 * The browser's downloads API as automatic backups use it (utils/transfer/auto-backup.ts), behind
 * the optional `downloads` permission (wxt.config.ts): write a file under the downloads folder,
 * look a download up, remove a file Tessera wrote and forget its download.
 */
import { browser } from 'wxt/browser';
import { toBase64, utf8 } from '../core/internal/bytes';

export interface DownloadedFile {
  /** The full path of the file. */
  filename: string;
  /** Which extension started the download (Chrome and Firefox both say). */
  byExtensionId?: string;
  state?: string;
  exists?: boolean;
}

export interface BackupDownloads {
  /** Whether the `downloads` permission is held (and the API there). */
  allowed(): Promise<boolean>;
  /** Writes `text` to `name` under the downloads folder, never asking where; resolves the download id. */
  write(name: string, text: string): Promise<number>;
  find(downloadId: number): Promise<DownloadedFile | undefined>;
  /** Deletes the file and forgets the download. */
  remove(downloadId: number): Promise<void>;
}

const DOWNLOADS = { permissions: ['downloads'] as 'downloads'[] };

/**
 * The file's URL. Chrome's MV3 service worker has no URL.createObjectURL, and its downloads API
 * takes data: URLs. Firefox's refuses data: URLs ("Access denied for URL data:…", seen in
 * Firefox ESR 140) but takes a blob: URL of the extension's own background page, kept until the
 * download had time to read it.
 */
function fileUrl(text: string): string {
  if (typeof URL.createObjectURL !== 'function') return `data:application/json;base64,${toBase64(utf8(text))}`;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}

export const browserDownloads: BackupDownloads = {
  async allowed() {
    return (await browser.permissions.contains(DOWNLOADS).catch(() => false)) && browser.downloads !== undefined;
  },
  write(name, text) {
    return browser.downloads.download({
      url: fileUrl(text),
      filename: name,
      saveAs: false,
      conflictAction: 'uniquify',
    });
  },
  async find(downloadId) {
    const [item] = await browser.downloads.search({ id: downloadId });
    return item;
  },
  async remove(downloadId) {
    await browser.downloads.removeFile(downloadId).catch(() => undefined); // already gone: nothing to remove
    await browser.downloads.erase({ id: downloadId });
  },
};

/**
 * Bitwarden's unencrypted exports: JSON `items[].login.totp`, or the CSV column `login_totp`.
 * The value is a Key URI, `steam://SECRET`, or a bare base32 secret (then TOTP with defaults,
 * named after the item). Older JSON exports have no `encrypted` key, only `folders` (or, from an
 * organisation, `collections`) and `items`. Encrypted exports are read by bitwarden-encrypted.ts.
 * Folders become tags.
 * @see https://bitwarden.com/help/condition-bitwarden-import/ (the JSON and CSV formats)
 */
import { ImportError } from './import-error';
import { parseOtpauthUri } from '../otp/otpauth-uri';
import { collectAccounts, entryAccount, entryName } from './imported';
import { jsonObject, type Importer } from './import-source';

const FORMAT = 'Bitwarden';

interface Login {
  name: string;
  username: string;
  totp: string;
  folder: string;
}

function account(login: Login) {
  const totp = login.totp.trim();
  const parsed = /^[a-z][a-z0-9+.-]*:\/\//i.test(totp)
    ? parseOtpauthUri(totp)
    : entryAccount({ issuer: login.name, label: login.username, secret: totp });
  // A bare steam:// secret has no names: take the item's.
  const named = parsed.issuer || parsed.label ? parsed : { ...parsed, issuer: login.name, label: login.username };
  return { account: named, tags: login.folder ? [login.folder] : [] };
}

function parseLogins(logins: Login[]) {
  return collectAccounts(
    FORMAT,
    logins.filter((login) => login.totp.trim() !== ''),
    account,
    (login) => entryName(login.name, login.username),
  );
}

export const bitwardenJson: Importer = {
  format: FORMAT,
  matches: (source) => {
    const vault = jsonObject(source);
    return (
      vault !== undefined &&
      vault.encrypted !== true &&
      Array.isArray(vault.items) &&
      (vault.encrypted === false || Array.isArray(vault.folders) || Array.isArray(vault.collections))
    );
  },
  async parse(source) {
    const vault = jsonObject(source)!;
    const folders = new Map(
      ((vault.folders ?? []) as { id: string; name: string }[]).map((folder) => [folder.id, folder.name]),
    );
    type Item = {
      name?: string;
      folderId?: string | null;
      login?: { username?: string | null; totp?: string | null } | null;
    };
    const logins = (vault.items as Item[]).map((item) => ({
      name: item.name ?? '',
      username: item.login?.username ?? '',
      totp: item.login?.totp ?? '',
      folder: folders.get(item.folderId ?? '') ?? '',
    }));
    return parseLogins(logins);
  },
};

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (quoted) cell += char;
    else if (char === ',') endCell();
    else if (char === '\n') endRow();
    else if (char !== '\r') cell += char;
  }
  if (quoted) throw new ImportError('malformed', 'This CSV file is damaged: a quoted field never ends.');
  if (cell !== '' || row.length) endRow();
  return rows.filter((cells) => cells.some((value) => value !== ''));
}

export const bitwardenCsv: Importer = {
  format: `${FORMAT} CSV`,
  matches: (source) => source.json === undefined && /^[^\n]*\blogin_totp\b/.test(source.text ?? ''),
  async parse(source) {
    const [header = [], ...rows] = parseCsv(source.text!);
    const column = (name: string) => header.indexOf(name);
    const [name, username, totp, folder] = [
      column('name'),
      column('login_username'),
      column('login_totp'),
      column('folder'),
    ];
    const logins = rows.map((cells) => ({
      name: cells[name] ?? '',
      username: cells[username] ?? '',
      totp: cells[totp] ?? '',
      folder: cells[folder] ?? '',
    }));
    return { ...parseLogins(logins), format: `${FORMAT} CSV` };
  },
};

/**
 * 1Password Unencrypted Export (`.1pux`): a ZIP (see zip-archive.ts) holding `export.attributes`
 * and `export.data`, JSON `{accounts: [{attrs, vaults: [{attrs: {name}, items: [...]}]}]}`. An
 * item has `overview: {title, tags}` and `details: {loginFields: [{designation, value}],
 * sections: [{fields: [{title, value: {totp}}]}]}`; `totp` is an otpauth:// URI or a bare base32
 * secret, and a login field may also hold an otpauth:// URI. Older exports wrap each item as `{item: {...}}`. The vault's name becomes a tag.
 * @see https://support.1password.com/1pux-format/
 */
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName, type ImportedAccount, type ParsedImport } from './imported';
import { parseOtpauthUri } from '../otp/otpauth-uri';

export const ONE_PASSWORD = '1Password';
export const ONE_PASSWORD_FILE = 'export.data';

interface Field {
  value?: unknown;
  designation?: unknown;
}

interface Item {
  trashed?: boolean;
  state?: string;
  overview?: { title?: unknown; tags?: unknown };
  details?: { loginFields?: Field[]; sections?: { fields?: Field[] }[] };
}

interface Totp {
  value: string;
  title: string;
  username: string;
  tags: string[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const list = <T>(value: unknown): T[] =>
  Array.isArray(value) ? value.filter((item): item is T => typeof item === 'object' && item !== null) : [];

/** Every one-time-password field of every item, with the item's title, username and tags. */
function totpFields(data: unknown): Totp[] {
  const found: Totp[] = [];
  for (const account of list<{ vaults?: unknown }>((data as { accounts?: unknown }).accounts)) {
    for (const vault of list<{ attrs?: { name?: unknown }; items?: unknown }>(account.vaults)) {
      for (const wrapped of list<Item & { item?: Item }>(vault.items)) {
        const item = wrapped.item ?? wrapped;
        // Deleted items are not meant to come back.
        if (item.trashed === true || item.state === 'deleted') continue;
        const username = text(
          list<Field>(item.details?.loginFields).find((field) => field.designation === 'username')?.value,
        );
        const tags = [text(vault.attrs?.name), ...(Array.isArray(item.overview?.tags) ? item.overview.tags : [])];
        const add = (value: string) =>
          value && found.push({ value, title: text(item.overview?.title), username, tags });
        // Imported logins can carry the otpauth:// link as a plain login field.
        for (const field of list<Field>(item.details?.loginFields))
          if (/^otpauth:\/\//i.test(text(field.value))) add(text(field.value));
        for (const section of list<{ fields?: unknown }>(item.details?.sections))
          for (const field of list<Field>(section.fields))
            add(text((field.value as { totp?: unknown } | undefined)?.totp));
      }
    }
  }
  return found;
}

function convert(totp: Totp): ImportedAccount {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(totp.value))
    return {
      account: entryAccount({ issuer: totp.title, label: totp.username, secret: totp.value }),
      tags: totp.tags,
    };
  const account = parseOtpauthUri(totp.value);
  return {
    account: { ...account, issuer: account.issuer || totp.title, label: account.label || totp.username },
    tags: totp.tags,
  };
}

/** The accounts of `export.data`'s text. */
export function onePasswordAccounts(content: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw new ImportError('malformed', `This ${ONE_PASSWORD} export is damaged: ${ONE_PASSWORD_FILE} is not JSON.`);
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { accounts?: unknown }).accounts))
    throw new ImportError('malformed', `This ${ONE_PASSWORD} export is damaged: ${ONE_PASSWORD_FILE} has no accounts.`);
  const fields = totpFields(data);
  if (fields.length === 0)
    throw new ImportError('empty', `This ${ONE_PASSWORD} export holds no item with a one-time password.`);
  return collectAccounts(ONE_PASSWORD, fields, convert, (totp) => entryName(totp.title, totp.username));
}

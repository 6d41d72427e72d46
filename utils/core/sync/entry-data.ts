/**
 * The data register's value of an entry, and back: everything one edit sets at once (the
 * account, when it was added, pin, tags), without what has registers of its own (HOTP counter,
 * position, sites) or stays on this device (the site icon). Built field by field in one order,
 * so two equal values serialise alike (`dataText`).
 */
import type { Account } from '../otp/account';
import type { VaultEntry } from '../vault/vault-contents';
import type { AccountData, EntryData } from './sync-types';

export function accountData(account: Account): AccountData {
  const base = {
    issuer: account.issuer,
    label: account.label,
    secret: account.secret,
    algorithm: account.algorithm,
    digits: account.digits,
  };
  return account.type === 'hotp' ? { type: 'hotp', ...base } : { type: account.type, ...base, period: account.period };
}

export function entryData(entry: Pick<VaultEntry, 'account' | 'addedAt' | 'pinned' | 'tags'>): EntryData {
  const data: EntryData = { account: accountData(entry.account), addedAt: entry.addedAt };
  if (entry.pinned) data.pinned = true;
  if (entry.tags?.length) data.tags = [...entry.tags];
  return data;
}

const texts = new WeakMap<EntryData, string>();

/**
 * A canonical text of the value: equal values, equal texts. Kept per value object (values are
 * never changed in place once built), since merges compare the same values many times.
 */
export function dataText(data: EntryData | undefined): string {
  if (data === undefined) return '';
  let text = texts.get(data);
  if (text === undefined) {
    text = JSON.stringify(entryData({ ...data, account: data.account as Account }));
    texts.set(data, text);
  }
  return text;
}

/** The account with its counter put back (HOTP). */
export function accountWith(data: AccountData, counter: number | undefined): Account {
  return data.type === 'hotp' ? { ...data, counter: counter ?? 0 } : { ...data };
}

/** `dataText(entryData(entry))`, without building the value twice. */
export function entryText(entry: Pick<VaultEntry, 'account' | 'addedAt' | 'pinned' | 'tags'>): string {
  return JSON.stringify(entryData(entry));
}

/** Whether two values are equal, field by field (cheaper than comparing their texts). */
export function sameData(a: EntryData | undefined, b: EntryData | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const x = a.account as Partial<Account>;
  const y = b.account as Partial<Account>;
  return (
    x.secret === y.secret &&
    x.issuer === y.issuer &&
    x.label === y.label &&
    x.type === y.type &&
    x.algorithm === y.algorithm &&
    x.digits === y.digits &&
    (x as { period?: number }).period === (y as { period?: number }).period &&
    a.addedAt === b.addedAt &&
    !a.pinned === !b.pinned &&
    (a.tags ?? []).join('\n') === (b.tags ?? []).join('\n')
  );
}

/**
 * An area as compact JSON, the plaintext that is compressed and encrypted (encode-area.ts), and
 * its strict reading. Short: the quota is 100 KB for every device together, so records are
 * arrays, not objects; times are counted from the oldest in the area; device ids are indexes into
 * the area's own list; the account's type and algorithm are small numbers.
 *
 *   { f: format, l: label, a: at, b: base time, d: [device ids], r: [record] }
 *   record = [id, r, o, position, e, n?, s?]     e = 0 (deleted) or
 *     [type (0 totp, 1 hotp, 2 steam), issuer, label, secret, algorithm (0 SHA1, 1 SHA256,
 *      2 SHA512), digits, period (0 for hotp), addedAt - b, pinned (0|1)?, tags?]
 *   n = HOTP counter or null; s = [[site, stamp, 1 bound | 0 unbound]]
 *   stamp = t - b when c = 0 and the device is d[0], else [t - b, c] or [t - b, c, device index]
 *
 * Reading checks every field (issue 17, "bad data never spreads"): types, bounds, canonical
 * accounts (validate-account.ts, the import rules), so a record either is exactly what a Tessera
 * could have written or the whole area is refused.
 */
import { HASH_ALGORITHMS, type HashAlgorithm } from '../otp/account';
import { validateAccount } from '../otp/validate-account';
import { accountData, accountWith } from './entry-data';
import { SyncError } from './sync-error';
import { DEVICE_PATTERN, SYNC_FORMAT } from './sync-keys';
import type { AccountData, EntryData, SiteRegister, Stamp, SyncArea, SyncRecord } from './sync-types';

const TYPES = ['totp', 'hotp', 'steam'] as const;
/** Bounds on what one area may hold: far above any real vault, low enough to bound the work. */
export const AREA_LIMITS = { records: 20_000, text: 1024, id: 128, tags: 100, sites: 256 } as const;

type CompactStamp = number | [number, number] | [number, number, number];

export function compactArea(area: SyncArea, format = SYNC_FORMAT): unknown {
  const devices = new Map<string, number>([[area.device, 0]]);
  let base = Infinity;
  const see = (stamp: Stamp) => {
    if (!devices.has(stamp.d)) devices.set(stamp.d, devices.size);
    base = Math.min(base, stamp.t);
  };
  for (const record of area.records) {
    see(record.r);
    see(record.o[0]);
    for (const [stamp] of Object.values(record.s ?? {})) see(stamp);
  }
  if (base === Infinity) base = 0;
  const stamp = (s: Stamp): CompactStamp => {
    const index = devices.get(s.d)!;
    return index ? [s.t - base, s.c, index] : s.c ? [s.t - base, s.c] : s.t - base;
  };
  const records = area.records.map((record) => {
    const out: unknown[] = [record.id, stamp(record.r), stamp(record.o[0]), record.o[1], record.e ? data(record.e) : 0];
    const sites = Object.entries(record.s ?? {}).map(([site, [at, bound]]) => [site, stamp(at), bound]);
    if (record.n !== undefined || sites.length) out.push(record.n ?? null);
    if (sites.length) out.push(sites);
    return out;
  });
  function data(e: EntryData): unknown[] {
    const a = e.account;
    const out: unknown[] = [
      TYPES.indexOf(a.type),
      a.issuer,
      a.label,
      a.secret,
      HASH_ALGORITHMS.indexOf(a.algorithm),
      a.digits,
      a.type === 'hotp' ? 0 : a.period,
      e.addedAt - base,
    ];
    if (e.pinned || e.tags?.length) out.push(e.pinned ? 1 : 0);
    if (e.tags?.length) out.push(e.tags);
    return out;
  }
  return { f: format, l: area.label, a: area.at, b: base, d: [...devices.keys()], r: records };
}

/**
 * @param device the device the area is stored under (its key, bound into the encryption).
 * @throws {SyncError} `sync-damaged` naming what is wrong.
 */
export function readCompactArea(value: unknown, device: string): SyncArea {
  const bad = (what: string): never => {
    throw new SyncError('sync-damaged', `The synced data of device ${device} is damaged: ${what}.`);
  };
  const object = (v: unknown, what: string) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : bad(what);
  const array = (v: unknown, what: string, max: number) =>
    Array.isArray(v) && v.length <= max ? (v as unknown[]) : bad(what);
  const int = (v: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : bad(what);
  const text = (v: unknown, what: string, max: number = AREA_LIMITS.text, min = 0) =>
    typeof v === 'string' && v.length >= min && v.length <= max && !/\p{Cc}/u.test(v) ? v : bad(what);

  const payload = object(value, 'not an area');
  if (payload.f !== SYNC_FORMAT) bad('wrong format');
  const label = text(payload.l, 'label', 200);
  const at = int(payload.a, 'time');
  const base = int(payload.b, 'base time');
  const devices = array(payload.d, 'devices', 4096).map((d) =>
    typeof d === 'string' && DEVICE_PATTERN.test(d) ? d : bad('device id'),
  );
  if (devices[0] !== device) bad('another device');
  if (new Set(devices).size !== devices.length) bad('device repeated');

  const stamp = (v: unknown): Stamp => {
    const [dt, c = 0, index = 0] = typeof v === 'number' ? [v] : array(v, 'stamp', 3);
    if (Array.isArray(v) && v.length < 2) bad('stamp');
    const t = base + int(dt, 'stamp time');
    const d = devices[int(index, 'stamp device', 0, devices.length - 1)]!;
    return { t: int(t, 'stamp time'), c: int(c, 'stamp count'), d };
  };
  const position = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e12 ? v : bad('position');

  const ids = new Set<string>();
  const records = array(payload.r, 'records', AREA_LIMITS.records).map((raw): SyncRecord => {
    const fields = array(raw, 'record', 7);
    if (fields.length < 5) bad('record');
    const id = text(fields[0], 'account id', AREA_LIMITS.id, 1);
    if (ids.has(id)) bad('account repeated');
    ids.add(id);
    const record: SyncRecord = { id, r: stamp(fields[1]), o: [stamp(fields[2]), position(fields[3])] };
    if (fields[4] !== 0) record.e = entryData(fields[4]);
    if (fields[5] !== undefined && fields[5] !== null) {
      if (record.e && record.e.account.type !== 'hotp') bad('counter of a time-based account');
      record.n = int(fields[5], 'counter');
    } else if (record.e?.account.type === 'hotp') bad('HOTP account without its counter');
    if (fields[6] !== undefined) {
      const sites: Record<string, SiteRegister> = {};
      for (const site of array(fields[6], 'sites', AREA_LIMITS.sites)) {
        const [name, at, bound, ...rest] = array(site, 'site', 3);
        const key = text(name, 'site', AREA_LIMITS.text, 1);
        if (rest.length || (bound !== 0 && bound !== 1) || Object.hasOwn(sites, key) || /\s/.test(key)) bad('site');
        sites[key] = [stamp(at), bound as 0 | 1];
      }
      record.s = sites;
    }
    if (record.e) checkAccount(record.e.account, record.n);
    return record;
  });
  return { device, label, at, records };

  function entryData(v: unknown): EntryData {
    const fields = array(v, 'account', 10);
    if (fields.length < 8) bad('account');
    const type = TYPES[int(fields[0], 'account type', 0, TYPES.length - 1)]!;
    const algorithm: HashAlgorithm = HASH_ALGORITHMS[int(fields[4], 'algorithm', 0, HASH_ALGORITHMS.length - 1)]!;
    const common = {
      issuer: text(fields[1], 'issuer'),
      label: text(fields[2], 'account name'),
      secret: text(fields[3], 'secret', AREA_LIMITS.text, 1),
      algorithm,
      digits: int(fields[5], 'digits', 1, 10),
    };
    const account: AccountData =
      type === 'hotp'
        ? (int(fields[6], 'period', 0, 0), { type, ...common })
        : { type, ...common, period: int(fields[6], 'period', 1, 86_400) };
    const data: EntryData = { account, addedAt: int(base + int(fields[7], 'added', -base), 'added') };
    if (fields[8] !== undefined) {
      const pinned = int(fields[8], 'pin', 0, 1);
      if (pinned) data.pinned = true;
    }
    if (fields[9] !== undefined) {
      const tags = array(fields[9], 'tags', AREA_LIMITS.tags).map((tag) => text(tag, 'tag', 200, 1));
      if (tags.length) data.tags = tags;
    }
    return data;
  }

  /**
   * Only canonical accounts: exactly what an import of its otpauth:// URI would store. The issuer
   * is left out of that check for TOTP, since an import makes a "Steam" TOTP account a Steam one:
   * a vault from before that rule may hold one, and must still sync.
   */
  function checkAccount(account: AccountData, counter: number | undefined): void {
    const issuer = account.type === 'totp' ? '' : account.issuer;
    let valid;
    try {
      valid = validateAccount(accountWith({ ...account, issuer }, counter));
    } catch (error) {
      return bad(`account (${error instanceof Error ? error.message : 'invalid'})`);
    }
    if (JSON.stringify({ ...accountData(valid), issuer: account.issuer }) !== JSON.stringify(account))
      bad('account not in canonical form');
    if (account.issuer !== account.issuer.trim()) bad('issuer not in canonical form');
    if (valid.type === 'hotp' && valid.counter !== counter) bad('counter');
  }
}

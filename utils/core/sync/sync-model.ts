/**
 * A model of `storage.sync` and of devices running the sync core, for the property test
 * (sync-convergence.test.ts; test helper, not shipped). The browser's sync is modelled as it
 * behaves: every device has its own copy of the synced keys, a write lands there at once and on
 * the others later, key by key, in any order, and for one key the last write wins (a delivered
 * value older than the one held is dropped, as the sync server would resolve it).
 *
 * The oracle is built from the writes themselves, not from any device's merge: every local edit
 * is logged with the stamps `stampChanges` gave it (and checked to be above everything the device
 * had seen, so "newer" means "made after seeing"). After the messages settle each account must be
 * its highest-stamped data write (a deletion loses only to newer edits), its order the
 * highest-stamped position, each site bound unless a newer unbind exists, and its HOTP counter the
 * largest any device reached.
 */
import { secretFromBytes } from '../otp/otp';
import type { VaultContents, VaultEntry } from '../vault/vault-contents';
import { compactArea, readCompactArea } from './compact-area';
import { entryText } from './entry-data';
import { mergeAreas } from './merge-areas';
import { ownArea } from './own-area';
import { comparePlaces } from './place-entries';
import { compareStamps } from './stamp';
import { stampChanges } from './stamp-changes';
import { startSync } from './start-sync';
import { areaDevice, chunkKey, staleAreaKeys, SYNC_HEADER_KEY } from './sync-keys';
import type { Stamp, SyncArea, SyncMeta } from './sync-types';

/** mulberry32 (Tommy Ettinger, public domain): a tiny seeded PRNG, for reproducible runs, not crypto. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How areas become items and back: plain JSON chunks (fast) or the real encrypted encoding. */
export interface Codec {
  encode(area: SyncArea, keyId: string, seq: number): Promise<Record<string, string>> | Record<string, string>;
  decode(
    items: Record<string, string>,
    keyId: string,
  ): Promise<{ areas: SyncArea[]; problems: unknown[] }> | { areas: SyncArea[]; problems: unknown[] };
}

/** How often each event happened, over all runs: the test checks that each one did. */
export const modelStats = new Map<string, number>();

function tally(event: string): void {
  modelStats.set(event, (modelStats.get(event) ?? 0) + 1);
}

/** Areas read before, by their text: devices read the same areas again and again. */
const readAreas = new Map<string, SyncArea>();

function readArea(text: string, device: string): SyncArea {
  let area = readAreas.get(text);
  if (!area) {
    if (readAreas.size > 10_000) readAreas.clear();
    area = readCompactArea(JSON.parse(text), device);
    readAreas.set(text, area);
  }
  return area;
}

/** The area as compact JSON (the real plaintext and its strict reading) in 1-3 chunks with seq. */
export const plainCodec: Codec = {
  encode(area, keyId, seq) {
    const text = JSON.stringify(compactArea(area));
    const count = 1 + (text.length % 3);
    const size = Math.ceil(text.length / count);
    const items: Record<string, string> = {};
    for (let i = 0; i < count; i++) items[chunkKey(area.device, i)] = `${seq}:${text.slice(i * size, (i + 1) * size)}`;
    items[`t.d.${area.device}`] = JSON.stringify({ f: 1, k: keyId, q: seq, n: count });
    return items;
  },
  decode(items, keyId) {
    const areas: SyncArea[] = [];
    const problems: unknown[] = [];
    for (const [key, value] of Object.entries(items)) {
      const device = areaDevice(key);
      if (!device) continue;
      const meta = JSON.parse(value) as { k: string; q: number; n: number };
      if (meta.k !== keyId) {
        tally('area under another key ignored');
        problems.push({ device, code: 'sync-other-key' });
        continue;
      }
      let text = '';
      let complete = true;
      for (let i = 0; i < meta.n && complete; i++) {
        const chunk = items[chunkKey(device, i)];
        if (!chunk?.startsWith(`${meta.q}:`)) complete = false;
        else text += chunk.slice(`${meta.q}:`.length);
      }
      if (complete) areas.push(readArea(text, device));
      else tally('area in flight skipped');
    }
    return { areas, problems };
  },
};

export interface ModelOptions {
  devices: number;
  steps: number;
  codec: Codec;
  /** A deliberately broken merge, to show the test catches it. */
  merge?: typeof mergeAreas;
}

interface Device {
  id: string;
  label: string;
  skew: number;
  contents: VaultContents;
  replica: Map<string, { value: string; version: number }>;
  keyId: string;
  seq: number;
  removed: { entry: VaultEntry; index: number }[];
}

interface Delivery {
  to: Device;
  key: string;
  value: string | undefined;
  version: number;
  at: number;
}

type Logged<T> = { stamp: Stamp; value: T };

const SITES = ['https://a.example', 'https://b.example', 'c.example', 'https://d.example:8443'];
const TAGS = ['Work', 'Home', 'Bank'];

export class SyncModel {
  private readonly random: () => number;
  private readonly devices: Device[] = [];
  private deliveries: Delivery[] = [];
  private now = 1_700_000_000_000;
  private version = 0;
  private nextId = 0;
  private keys = 0;
  readonly trace: string[] = [];
  // The oracle's log: every acknowledged write.
  private readonly data = new Map<string, Logged<string | null>>();
  private readonly order = new Map<string, Logged<number>>();
  private readonly sites = new Map<string, Logged<0 | 1>>();
  private readonly counters = new Map<string, number>();
  private readonly merge: typeof mergeAreas;

  constructor(
    seed: number,
    private readonly options: ModelOptions,
  ) {
    this.random = mulberry32(seed);
    this.merge = options.merge ?? mergeAreas;
    const ids = new Set<string>();
    while (ids.size < options.devices)
      ids.add(this.word('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', 4));
    for (const id of ids) {
      this.devices.push({
        id,
        label: `device ${id}`,
        skew: this.random() < 0.5 ? 0 : this.int(-30_000, 30_000),
        contents: { version: 1, entries: [] },
        replica: new Map(),
        keyId: 'k0',
        seq: 0,
        removed: [],
      });
    }
    // The first device has accounts and turns sync on; the others join with empty vaults.
    const first = this.devices[0]!;
    const before = startSync({ version: 1, entries: [] }, first.id, this.clock(first));
    const after = structuredClone(before);
    for (let i = 0; i < this.int(0, 6); i++) after.entries.push(this.newEntry());
    this.apply(first, before, after, 'create');
    for (const device of this.devices) {
      device.contents = startSync(device.contents, device.id, this.clock(device));
      this.write(device, { [SYNC_HEADER_KEY]: 'k0' }, []);
    }
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length ? items[this.int(0, items.length - 1)] : undefined;
  }

  private word(alphabet: string, length: number): string {
    return Array.from({ length }, () => alphabet[this.int(0, alphabet.length - 1)]).join('');
  }

  private clock(device: Device): number {
    return this.now + device.skew;
  }

  private newEntry(): VaultEntry {
    const id = `a${this.nextId++}`;
    const secret = secretFromBytes(Uint8Array.from({ length: 10 }, () => this.int(0, 255)));
    const entry: VaultEntry =
      this.random() < 0.3
        ? {
            id,
            account: {
              type: 'hotp',
              issuer: this.word('XYZ', 3),
              label: '',
              secret,
              algorithm: 'SHA1',
              digits: 6,
              counter: 0,
            },
            addedAt: this.now,
          }
        : {
            id,
            account: {
              type: 'totp',
              issuer: this.word('XYZ', 3),
              label: 'me',
              secret,
              algorithm: 'SHA1',
              digits: 6,
              period: 30,
            },
            addedAt: this.now,
          };
    return entry;
  }

  /** One random step: a local edit, a sync round, some deliveries, an unlock after a passphrase change. */
  async step(): Promise<void> {
    this.now += this.int(0, 400);
    const device = this.pick(this.devices)!;
    const roll = this.random();
    if (roll < 0.06) this.concurrentEdits();
    else if (roll < 0.45) this.edit(device);
    else if (roll < 0.7) await this.sync(device);
    else if (roll < 0.97) this.deliver(this.int(1, 4));
    else await this.changePassphrase(device);
  }

  async run(): Promise<void> {
    for (let i = 0; i < this.options.steps; i++) await this.step();
    await this.settle();
    this.check();
  }

  private edit(device: Device): void {
    const before = device.contents;
    const after = structuredClone(before);
    const entries = after.entries;
    const entry = this.pick(entries);
    const kind = this.pick([
      'add',
      'edit',
      'remove',
      'undo',
      'move',
      'pin',
      'bind',
      'unbind',
      'tags',
      'hotp',
    ] as const)!;
    switch (kind) {
      case 'add':
        entries.splice(this.int(0, entries.length), 0, this.newEntry());
        break;
      case 'edit':
        if (!entry) return;
        entry.account.issuer = this.word('XYZ', 3);
        break;
      case 'remove': {
        if (!entry) return;
        const index = entries.indexOf(entry);
        entries.splice(index, 1);
        device.removed.push({ entry: structuredClone(entry), index });
        break;
      }
      case 'undo': {
        const kept = device.removed.pop();
        if (!kept || entries.some((e) => e.id === kept.entry.id)) return;
        entries.splice(Math.min(kept.index, entries.length), 0, kept.entry);
        break;
      }
      case 'move': {
        const target = this.pick(entries);
        if (!entry || !target || entry === target) return;
        const to = entries.indexOf(target);
        entries.splice(entries.indexOf(entry), 1);
        entries.splice(to, 0, entry);
        break;
      }
      case 'pin':
        if (!entry) return;
        entry.pinned = !entry.pinned;
        break;
      case 'bind': {
        const site = this.pick(SITES)!;
        if (!entry || entry.sites?.includes(site)) return;
        entry.sites = [...(entry.sites ?? []), site];
        break;
      }
      case 'unbind': {
        const site = this.pick(entry?.sites ?? []);
        if (!entry || !site) return;
        entry.sites = entry.sites!.filter((s) => s !== site);
        break;
      }
      case 'tags':
        if (!entry) return;
        entry.tags = TAGS.filter(() => this.random() < 0.4);
        break;
      case 'hotp':
        if (entry?.account.type !== 'hotp') return;
        entry.account.counter += 1;
        break;
    }
    this.apply(device, before, after, `${kind} ${entry?.id ?? ''}`);
    tally(`edit: ${kind}`);
  }

  /**
   * Two devices edit the same account in the same millisecond, each unaware of the other: their
   * stamps can differ only in the device, the tie-break every device must apply alike.
   */
  private concurrentEdits(): void {
    const [one, two] = [...this.devices].sort(() => this.random() - 0.5) as [Device, Device];
    const id = this.pick(one.contents.entries.map((entry) => entry.id));
    if (!id || !two.contents.entries.some((entry) => entry.id === id)) return;
    for (const device of [one, two]) {
      const after = structuredClone(device.contents);
      after.entries.find((entry) => entry.id === id)!.account.issuer = `${device.id}X`;
      this.apply(device, device.contents, after, `concurrent edit ${id}`);
    }
    tally('same account edited on two devices at once');
  }

  /** A local change through `stampChanges`, checked and logged for the oracle. */
  private apply(device: Device, before: VaultContents, after: VaultContents, what: string): void {
    stampChanges(before, after, device.id, this.clock(device));
    const old = before.sync!;
    const meta = after.sync!;
    const seen = allStamps(old).reduce((a, b) => (compareStamps(a, b) >= 0 ? a : b), old.clock);
    if (compareStamps(old.clock, seen) < 0)
      throw new Error(`clock ${JSON.stringify(old.clock)} behind a stamp it holds`);
    const alive = new Map(after.entries.map((entry) => [entry.id, entry]));
    const fresh = (stamp: Stamp | undefined, was: Stamp | undefined) =>
      stamp && (!was || compareStamps(stamp, was) !== 0);
    for (const [id, record] of Object.entries(meta.records)) {
      const was = old.records[id];
      const check = (stamp: Stamp) => {
        if (compareStamps(stamp, old.clock) <= 0) throw new Error(`${what}: new stamp not above the clock`);
      };
      if (fresh(record.r, was?.r)) {
        check(record.r);
        const entry = alive.get(id);
        if (!entry !== (meta.dead[id] !== undefined)) throw new Error(`${what}: dead/alive bookkeeping of ${id}`);
        this.log(this.data, id, record.r, entry ? entryText(entry) : null);
      }
      if (fresh(record.o[0], was?.o[0])) {
        check(record.o[0]);
        this.log(this.order, id, record.o[0], record.o[1]);
      }
      for (const [site, register] of Object.entries(record.s ?? {}))
        if (fresh(register[0], was?.s?.[site]?.[0])) {
          check(register[0]);
          this.log(this.sites, `${id} ${site}`, register[0], register[1]);
        }
    }
    // What the user did is what was stamped.
    const beforeIds = new Set(before.entries.map((entry) => entry.id));
    for (const entry of after.entries) {
      const previous = before.entries.find((e) => e.id === entry.id);
      const changed = !previous || entryText(previous) !== entryText(entry);
      if (changed && !fresh(meta.records[entry.id]?.r, old.records[entry.id]?.r))
        throw new Error(`${what}: edit not stamped`);
      const bound = new Set(entry.sites ?? []);
      for (const site of new Set([...(previous?.sites ?? []), ...bound]))
        if ((meta.records[entry.id]!.s?.[site]?.[1] === 1) !== bound.has(site))
          throw new Error(`${what}: site ${site} not stamped`);
      if (entry.account.type === 'hotp')
        this.counters.set(entry.id, Math.max(this.counters.get(entry.id) ?? 0, entry.account.counter));
    }
    for (const id of beforeIds)
      if (!alive.has(id) && meta.dead[id] === undefined) throw new Error(`${what}: deletion of ${id} not stamped`);
    const order = after.entries.map((entry) => [meta.records[entry.id]!.o[1], entry.id] as [number, string]);
    for (let i = 1; i < order.length; i++)
      if (comparePlaces(order[i - 1]!, order[i]!) >= 0) throw new Error(`${what}: positions do not follow the order`);
    device.contents = after;
    this.trace.push(`${device.id} ${what}`);
  }

  private log<T>(log: Map<string, Logged<T>>, key: string, stamp: Stamp, value: T): void {
    const held = log.get(key);
    if (!held || compareStamps(stamp, held.stamp) > 0) log.set(key, { stamp, value });
    else if (compareStamps(stamp, held.stamp) === 0) throw new Error(`two writes stamped alike: ${key}`);
  }

  private stale(device: Device): boolean {
    return device.replica.get(SYNC_HEADER_KEY)?.value !== device.keyId;
  }

  /** One sync round: read the device's copy of storage.sync, merge, publish its own area. */
  private async sync(device: Device): Promise<boolean> {
    if (this.stale(device)) return false;
    const items = Object.fromEntries([...device.replica].map(([key, { value }]) => [key, value]));
    const { areas } = await this.options.codec.decode(items, device.keyId);
    const now = this.clock(device);
    device.contents = this.merge(device.contents, areas, device.id, now).contents;
    const area = ownArea(device.contents, areas, device.id, device.label, now);
    if (!area) return false;
    device.seq += 1;
    const written = await this.options.codec.encode(area, device.keyId, device.seq);
    const removed = staleAreaKeys(Object.fromEntries(device.replica), device.id, written);
    this.write(device, written, removed);
    this.trace.push(`${device.id} publishes ${area.records.length} records, seq ${device.seq}`);
    return true;
  }

  private async changePassphrase(device: Device): Promise<void> {
    if (this.stale(device)) return;
    device.keyId = `k${++this.keys}`;
    tally('passphrase change');
    this.trace.push(`${device.id} changes passphrase: ${device.keyId}`);
    this.write(device, { [SYNC_HEADER_KEY]: device.keyId }, []);
    await this.sync(device);
  }

  /** A device that found a new key header asks for the new passphrase, and gets it. */
  private unlock(device: Device): void {
    const header = device.replica.get(SYNC_HEADER_KEY)?.value;
    if (header && header !== device.keyId) {
      device.keyId = header;
      tally('unlock with the new passphrase');
      this.trace.push(`${device.id} unlocks with ${header}`);
    }
  }

  private write(device: Device, items: Record<string, string>, removed: string[]): void {
    const changes: [string, string | undefined][] = [
      ...Object.entries(items),
      ...removed.map((key) => [key, undefined] as [string, undefined]),
    ];
    for (const [key, value] of changes) {
      const version = ++this.version;
      this.land(device, key, value, version);
      for (const other of this.devices)
        if (other !== device)
          this.deliveries.push({ to: other, key, value, version, at: this.now + this.int(0, 20_000) });
    }
  }

  private land(device: Device, key: string, value: string | undefined, version: number): void {
    const held = device.replica.get(key);
    if (held && held.version > version) {
      tally('older write dropped (last writer wins)');
      return;
    }
    if (value === undefined) device.replica.delete(key);
    else device.replica.set(key, { value, version });
  }

  /** Delivers some writes, not in the order they were made (the earliest due first, mostly). */
  private deliver(count: number): void {
    for (let i = 0; i < count && this.deliveries.length; i++) {
      const due = this.deliveries.filter((d) => d.at <= this.now);
      const next = this.pick(due.length ? due : this.deliveries)!;
      this.deliveries.splice(this.deliveries.indexOf(next), 1);
      this.land(next.to, next.key, next.value, next.version);
    }
  }

  /** No more edits: deliver everything, unlock, sync, until nobody has anything to write. */
  async settle(): Promise<void> {
    for (let pass = 0; pass < 60; pass++) {
      this.now += 30_000;
      while (this.deliveries.length) this.deliver(this.deliveries.length);
      let wrote = false;
      for (const device of [...this.devices].sort(() => this.random() - 0.5)) {
        this.unlock(device);
        wrote = (await this.sync(device)) || wrote;
      }
      if (!wrote && !this.deliveries.length) return;
    }
    throw new Error('did not settle in 60 passes: devices keep rewriting their areas');
  }

  /** Every device holds the oracle's accounts, in its order. */
  check(): void {
    const expected = this.expected();
    for (const device of this.devices) {
      const actual = device.contents.entries.map(describe);
      const wanted = JSON.stringify(expected);
      if (JSON.stringify(actual) !== wanted)
        throw new Error(`device ${device.id} holds\n  ${JSON.stringify(actual)}\nexpected\n  ${wanted}`);
    }
    // The same entries in every detail that shows: pin, tags, sites in their order.
    const detail = (device: Device) =>
      JSON.stringify(device.contents.entries.map((entry) => [describe(entry), entry.sites ?? []]));
    for (const device of this.devices)
      if (detail(device) !== detail(this.devices[0]!))
        throw new Error(`device ${device.id} differs in detail:\n  ${detail(device)}\n  ${detail(this.devices[0]!)}`);
  }

  private expected(): ReturnType<typeof describe>[] {
    const alive = [...this.data].filter(([, write]) => write.value !== null).map(([id]) => id);
    return alive
      .map((id) => {
        const sites = [...this.sites]
          .filter(([key, write]) => key.startsWith(`${id} `) && write.value === 1)
          .map(([key]) => key.slice(id.length + 1))
          .sort();
        return {
          id,
          data: this.data.get(id)!.value!,
          counter: this.counters.get(id) ?? null,
          sites,
          place: this.order.get(id)!.value,
        };
      })
      .sort((a, b) => comparePlaces([a.place, a.id], [b.place, b.id]))
      .map(({ place: _, ...rest }) => rest);
  }
}

function describe(entry: VaultEntry) {
  return {
    id: entry.id,
    data: entryText(entry),
    counter: entry.account.type === 'hotp' ? entry.account.counter : null,
    sites: [...(entry.sites ?? [])].sort(),
  };
}

function allStamps(meta: SyncMeta): Stamp[] {
  const stamps: Stamp[] = [];
  for (const record of Object.values(meta.records)) {
    stamps.push(record.r, record.o[0]);
    for (const [stamp] of Object.values(record.s ?? {})) stamps.push(stamp);
  }
  return stamps;
}

/**
 * Sync (issue 17): what 500 realistic accounts cost in `storage.sync` across 3 devices, and how
 * long the core takes. The accounts (random 160-bit secrets, real-looking issuers, e-mail
 * labels, a third with tags, two in five bound to sites, a few HOTP and pinned) are created on
 * one device; the two others join; then each of the three edits, binds, moves and deletes some,
 * and they sync until nobody has anything to write. Targets: within the 100 KB quota with room
 * to spare; merging 500 accounts from 3 devices (each area holding all of them, the worst case)
 * under 20 ms.
 * Run alone: `npx tsx bench/sync.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { randomSecret } from '../utils/core/otp/otp';
import { validateAccount } from '../utils/core/otp/validate-account';
import type { VaultContents, VaultEntry } from '../utils/core/vault/vault-contents';
import { decodeAreas } from '../utils/core/sync/decode-areas';
import { encodeArea } from '../utils/core/sync/encode-area';
import { mergeAreas } from '../utils/core/sync/merge-areas';
import { ownArea } from '../utils/core/sync/own-area';
import { stampChanges } from '../utils/core/sync/stamp-changes';
import { startSync } from '../utils/core/sync/start-sync';
import { syncBytes, SYNC_QUOTA } from '../utils/core/sync/sync-bytes';
import { encodeSyncHeader } from '../utils/core/sync/sync-header';
import { SYNC_HEADER_KEY } from '../utils/core/sync/sync-keys';
import type { SyncArea } from '../utils/core/sync/sync-types';
import { localRecords } from '../utils/core/sync/local-records';
import { measure, type Figure } from './measure';

const ACCOUNTS = 500;
const RUNS = 10;
const ISSUERS = [
  'GitHub',
  'Google',
  'Microsoft',
  'Amazon Web Services',
  'Dropbox',
  'Proton',
  'Cloudflare',
  'GitLab',
  'Facebook',
  'Twitter',
  'Slack',
  'Discord',
  'Bitwarden',
  'npm',
  'PyPI',
  'DigitalOcean',
  'Stripe',
  'PayPal',
  'Coinbase',
  'Kraken',
  'Okta',
  'Atlassian',
  'Heroku',
  'Reddit',
  'Steam',
  'Epic Games',
  'Nintendo',
  'Tutanota',
];
const DOMAINS = ['example.com', 'mail.example.org', 'company.example', 'gmail.com', 'posteo.de'];
const TAGS = ['Work', 'Personal', 'Finance', 'Dev', 'Gaming'];

function realisticEntry(i: number): VaultEntry {
  const issuer = ISSUERS[i % ISSUERS.length]!;
  const label = `${['alice', 'bob', 'carol', 'dave', 'erin'][i % 5]}.${i}@${DOMAINS[i % DOMAINS.length]}`;
  const secret = randomSecret(20);
  const entry: VaultEntry =
    i % 40 === 7
      ? {
          id: crypto.randomUUID(),
          account: { type: 'hotp', issuer, label, secret, algorithm: 'SHA1', digits: 6, counter: i },
          addedAt: Date.now() - i * 3_600_000,
        }
      : {
          id: crypto.randomUUID(),
          account: { type: 'totp', issuer, label, secret, algorithm: 'SHA1', digits: 6, period: 30 },
          addedAt: Date.now() - i * 3_600_000,
        };
  entry.account = validateAccount(entry.account); // a "Steam" TOTP account becomes a Steam one, as on import
  if (i % 3 === 0) entry.tags = [TAGS[i % TAGS.length]!];
  if (i % 5 < 2) entry.sites = [`https://${issuer.toLowerCase().replace(/\W/g, '')}.example`];
  if (i % 5 === 0) entry.sites!.push(`${issuer.toLowerCase().replace(/\W/g, '')}.example`);
  if (i % 25 === 0) entry.pinned = true;
  return entry;
}

interface BenchDevice {
  id: string;
  contents: VaultContents;
  seq: number;
}

/** Three devices end to end, with the real encoding; returns every item of storage.sync. */
async function syncedScenario(key: Uint8Array<ArrayBuffer>): Promise<{
  items: Record<string, string>;
  devices: BenchDevice[];
  /** Device B before the edits, and each device's whole state just after its own. */
  diverged: { before: VaultContents; areas: SyncArea[] };
}> {
  const keyId = 'benchKeyId01';
  let now = Date.now();
  const devices: BenchDevice[] = ['devAAAAAAAAA', 'devBBBBBBBBB', 'devCCCCCCCCC'].map((id) => ({
    id,
    contents: startSync({ version: 1, entries: [] }, id, now),
    seq: 0,
  }));
  const items: Record<string, string> = { [SYNC_HEADER_KEY]: await encodeSyncHeader(new Uint8Array(109).fill(1)) };
  const edit = (device: BenchDevice, change: (entries: VaultEntry[]) => void) => {
    const after = structuredClone(device.contents);
    change(after.entries);
    stampChanges(device.contents, after, device.id, (now += 1000));
    device.contents = after;
  };
  const sync = async (device: BenchDevice): Promise<boolean> => {
    const { areas, problems } = await decodeAreas(items, key, keyId);
    if (problems.length) throw new Error(JSON.stringify(problems));
    device.contents = mergeAreas(device.contents, areas, device.id, (now += 1000)).contents;
    const area = ownArea(device.contents, areas, device.id, `Chrome ${device.id}`, now);
    if (!area) return false;
    device.seq += 1;
    for (const name of Object.keys(items)) if (name.startsWith(`t.d.${device.id}`)) delete items[name];
    Object.assign(items, await encodeArea(area, key, keyId, device.seq));
    return true;
  };
  const [a, b, c] = devices as [BenchDevice, BenchDevice, BenchDevice];
  edit(a, (entries) => entries.push(...Array.from({ length: ACCOUNTS }, (_, i) => realisticEntry(i))));
  await sync(a);
  await sync(b);
  await sync(c);
  const before = structuredClone(b.contents);
  // Edits spread over the three devices, each before seeing the others'.
  devices.forEach((device, d) =>
    edit(device, (entries) => {
      for (let i = d; i < 60; i += 3) entries[i * 7]!.account.label = `renamed ${i}@example.com`;
      for (let i = d; i < 30; i += 3) (entries[i * 11 + 1]!.sites ??= []).push(`https://site${i}.example`);
      entries.splice(5 + d, 0, ...entries.splice(400 + d * 20, 1));
      entries.splice(100 + d * 10, 2);
    }),
  );
  const areas = devices.map((device) => fullArea(device.contents, device.id));
  for (let round = 0; round < 10; round++) {
    let wrote = false;
    for (const device of devices) wrote = (await sync(device)) || wrote;
    if (!wrote) break;
  }
  return { items, devices, diverged: { before, areas } };
}

/** Everything a device knows, as one area (the most a device ever publishes). */
function fullArea(contents: VaultContents, device: string): SyncArea {
  return { device, label: device, at: Date.now(), records: [...localRecords(contents, device).values()] };
}

export async function benchSync(): Promise<Figure[]> {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const { items, devices, diverged } = await syncedScenario(key);
  const bytes = syncBytes(items);
  const count = Object.keys(items).length;
  const figure = (name: string, value: number, unit: Figure['unit']): Figure => ({
    name,
    median: value,
    min: value,
    max: value,
    runs: 1,
    unit,
  });

  // The worst cases for a merge: three areas each holding all 500 accounts, into a device that
  // has seen none of their edits, or into a device joining (every account new).
  const { before, areas } = diverged;
  const joining: VaultContents = { version: 1, entries: [] };
  const encoded = await encodeArea(areas[0]!, key, 'benchKeyId01', 1);
  const settled = devices[1]!.contents;
  return [
    figure(`sync: storage.sync used, ${ACCOUNTS} accounts, 3 devices`, Math.round((bytes / 1024) * 10) / 10, 'KiB'),
    figure(
      `sync: share of the ${SYNC_QUOTA.total / 1024} KiB quota`,
      Math.round((bytes / SYNC_QUOTA.total) * 1000) / 10,
      '%',
    ),
    figure('sync: storage.sync bytes used (of 102,400)', bytes, 'count'),
    figure('sync: storage.sync items (of 512)', count, 'count'),
    figure(`sync: one full area, ${ACCOUNTS} accounts`, Math.round((syncBytes(encoded) / 1024) * 10) / 10, 'KiB'),
    await measure(`sync: merge ${ACCOUNTS} accounts from 3 devices' edits (full areas)`, RUNS, async () => {
      if (!mergeAreas(before, areas, 'devBBBBBBBBB', Date.now()).changed) throw new Error('nothing merged');
    }),
    await measure(`sync: merge the 3 settled areas, nothing new`, RUNS, async () => {
      const { areas: read } = await decodeAreas(items, key, 'benchKeyId01');
      const start = performance.now();
      mergeAreas(settled, read, 'devBBBBBBBBB', Date.now());
      return performance.now() - start;
    }),
    await measure(`sync: merge ${ACCOUNTS} accounts from 3 full areas, joining device`, RUNS, async () => {
      if (mergeAreas(joining, areas, 'devDDDDDDDDD', Date.now()).contents.entries.length < ACCOUNTS - 10)
        throw new Error('lost accounts');
    }),
    await measure(`sync: ownArea over 3 full areas`, RUNS, async () => {
      ownArea(settled, areas, 'devBBBBBBBBB', 'Chrome', Date.now());
    }),
    await measure(`sync: encodeArea, ${ACCOUNTS} accounts`, RUNS, async () => {
      await encodeArea(areas[0]!, key, 'benchKeyId01', 2);
    }),
    await measure(`sync: decodeAreas, ${ACCOUNTS} accounts`, RUNS, async () => {
      await decodeAreas(encoded, key, 'benchKeyId01');
    }),
    await measure('sync: decodeAreas, the 3 devices after their edits', RUNS, async () => {
      await decodeAreas(items, key, 'benchKeyId01');
    }),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { name, median, unit } of await benchSync()) console.log(`${name.padEnd(64)} ${median} ${unit}`);
}

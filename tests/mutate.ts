/**
 * Mutations for fuzzing importers: bytes flipped, inserted, deleted or the file cut short, and
 * JSON values swapped for ones of another type: the mutations of every importer fuzz test.
 */
const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  '',
  'x',
  'SHA1',
  'HOTP',
  'steam',
  [],
  {},
  [1, 2],
  { a: 1 },
  true,
  '====',
  '-',
];

const odd = (random: () => number) => ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];

/** A JSON value with one of its values (at any depth) replaced or removed. */
export function mutateJson(value: unknown, random: () => number): unknown {
  if (typeof value !== 'object' || value === null) return odd(random);
  const copy: Record<string, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<string, unknown>)
    : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0) return odd(random);
  const key = keys[Math.floor(random() * keys.length)]!;
  if (random() < 0.15) delete copy[key];
  else copy[key] = random() < 0.6 ? mutateJson(copy[key], random) : odd(random);
  return copy;
}

/** One to four byte edits: a byte changed, a byte inserted, a run deleted, or the end cut off. */
export function mutateBytes(bytes: Uint8Array, random: () => number): Uint8Array {
  let out = bytes.slice();
  const at = () => Math.floor(random() * (out.length + 1));
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const kind = random();
    if (kind < 0.4 && out.length) out[Math.min(at(), out.length - 1)] = Math.floor(random() * 256);
    else if (kind < 0.6) {
      const where = at();
      const grown = new Uint8Array(out.length + 1);
      grown.set(out.subarray(0, where));
      grown[where] = Math.floor(random() * 256);
      grown.set(out.subarray(where), where + 1);
      out = grown;
    } else if (kind < 0.8 && out.length) {
      const where = at();
      const end = Math.min(out.length, where + 1 + Math.floor(random() * 8));
      const shrunk = new Uint8Array(out.length - (end - where));
      shrunk.set(out.subarray(0, where));
      shrunk.set(out.subarray(end), where);
      out = shrunk;
    } else out = out.slice(0, at());
  }
  return out;
}

/**
 * Positions for the user's order (the order register, sync-types.ts). Entries sort by position,
 * then id, so concurrent moves converge; a move changes only the moved entry's position, to one
 * between its new neighbours, so moves of different entries on two devices both survive. The
 * entries that kept their relative order are the longest increasing run of the old positions
 * (patience sorting); only the others get new positions, chosen short (3.5, then 3.25) to keep
 * the synced text small. When the gap is too narrow for that, everything is numbered afresh.
 */

/** Decimals allowed before renumbering: 2^53 holds positions up to 10^9 with these exactly. */
const MAX_DECIMALS = 6;

/** Entries sort by position, then id. */
export function comparePlaces(a: readonly [number, string], b: readonly [number, string]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/** `count` increasing short numbers strictly between `low` and `high` (either may be open). */
export function between(low: number | undefined, high: number | undefined, count: number): number[] | undefined {
  if (count === 0) return [];
  if (low === undefined && high === undefined) return Array.from({ length: count }, (_, i) => i + 1);
  if (high === undefined) return Array.from({ length: count }, (_, i) => Math.floor(low!) + i + 1);
  if (low === undefined) return Array.from({ length: count }, (_, i) => Math.ceil(high) - count + i);
  for (let decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
    const scale = 10 ** decimals;
    const first = Math.floor(low * scale) + 1;
    const last = Math.ceil(high * scale) - 1;
    if (last - first + 1 < count) continue;
    const step = (last - first + 2) / (count + 1);
    const places = Array.from({ length: count }, (_, i) => (first - 1 + Math.round((i + 1) * step)) / scale);
    if (places.every((place, i) => place > low && place < high && (i === 0 || place > places[i - 1]!))) return places;
  }
  return undefined;
}

/**
 * New positions for the entries of `ids` (in the wanted order) whose current position (`places`)
 * does not fit that order, or which have none: as few as possible. `undefined`: renumber all.
 */
export function placeEntries(
  ids: readonly string[],
  places: ReadonlyMap<string, number>,
): Map<string, number> | undefined {
  const known = ids
    .map((id, index) => ({ id, index, place: places.get(id) }))
    .filter((item) => item.place !== undefined);
  const kept = new Set(
    longestIncreasing(known.map((item) => [item.place!, item.id] as const)).map((i) => known[i]!.id),
  );
  const placed = new Map<string, number>();
  let low: number | undefined;
  let run: string[] = [];
  const flush = (high: number | undefined) => {
    const chosen = between(low, high, run.length);
    if (!chosen) return false;
    run.forEach((id, i) => placed.set(id, chosen[i]!));
    run = [];
    return true;
  };
  for (const id of ids) {
    if (kept.has(id)) {
      if (!flush(places.get(id))) return undefined;
      low = places.get(id);
    } else run.push(id);
  }
  return flush(undefined) ? placed : undefined;
}

/** Indexes of a longest strictly increasing subsequence, by `comparePlaces` (O(n log n)). */
function longestIncreasing(keys: readonly (readonly [number, string])[]): number[] {
  const tails: number[] = [];
  const previous: number[] = [];
  keys.forEach((key, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePlaces(keys[tails[mid]!]!, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const out: number[] = [];
  for (let i = tails.length ? tails.at(-1)! : -1; i >= 0; i = previous[i]!) out.push(i);
  return out.reverse();
}

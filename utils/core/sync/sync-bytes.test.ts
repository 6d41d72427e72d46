import { describe, expect, it } from 'vitest';
import { itemBytes, syncBytes, SYNC_QUOTA } from './sync-bytes';

describe('syncBytes', () => {
  it.each([
    [{}, 0],
    [{ 't.h': 'abc' }, 3 + 5],
    [{ 't.d.x': '{"f":1}' }, 5 + 11],
    [{ a: 'x', b: 'yy' }, 1 + 3 + 1 + 4],
  ])('%j: %i (key length + JSON of the value)', (items, expected) => {
    expect(syncBytes(items)).toBe(expected);
  });

  it('counts what JSON escapes', () => {
    expect(itemBytes('k', 'a"b\\c')).toBe(1 + 9);
  });

  it("has Chrome's quotas", () => {
    expect(SYNC_QUOTA).toEqual({ total: 102_400, perItem: 8_192, items: 512 });
  });
});

import { describe, expect, it } from 'vitest';
import { between, placeEntries } from './place-entries';

describe('between', () => {
  it.each([
    [undefined, undefined, 3, [1, 2, 3]],
    [4, undefined, 2, [5, 6]],
    [4.5, undefined, 1, [5]],
    [undefined, 3, 2, [1, 2]],
    [undefined, 0.5, 1, [0]],
    [3, 4, 1, [3.5]],
    [3, 3.5, 1, [3.3]],
    [3, 4, 3, [3.3, 3.5, 3.8]],
    [1, 3, 1, [2]],
    [0.29, 0.3, 1, [0.295]],
    [3, 3, 1, undefined],
    [1, 1.0000001, 1, undefined],
  ])('%s..%s, %i: %j', (low, high, count, expected) => {
    expect(between(low, high, count)).toEqual(expected);
  });
});

describe('placeEntries', () => {
  const places = (list: Record<string, number>) => new Map(Object.entries(list));

  it.each([
    ['nothing moved', ['a', 'b', 'c'], { a: 1, b: 2, c: 3 }, {}],
    ['one moved to the top', ['c', 'a', 'b'], { a: 1, b: 2, c: 3 }, { c: 0 }],
    ['one moved down', ['b', 'c', 'a'], { a: 1, b: 2, c: 3 }, { a: 4 }],
    ['one moved between', ['a', 'c', 'b'], { a: 1, b: 2, c: 3 }, { c: 1.5 }],
    ['a new one in the middle', ['a', 'n', 'b'], { a: 1, b: 2 }, { n: 1.5 }],
    ['two new at the end', ['a', 'n', 'm'], { a: 1 }, { n: 2, m: 3 }],
    ['ties by id kept', ['a', 'b'], { a: 1, b: 1 }, {}],
  ])('%s', (_, ids, current, expected) => {
    expect(Object.fromEntries(placeEntries(ids, places(current))!)).toEqual(expected);
  });

  it('gives up (renumber) when the gap is too narrow', () => {
    expect(placeEntries(['a', 'n', 'b'], places({ a: 1, b: 1.000001 }))).toBeUndefined();
  });
});

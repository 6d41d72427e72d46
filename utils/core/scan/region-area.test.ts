import { describe, expect, it } from 'vitest';
import { blank } from '../../../tests/qr-pixels';
import { regionArea } from './region-area';

/** A picture whose every pixel's red channel is its x and green its y, to see where a crop came from. */
function numbered(width: number, height: number) {
  const image = blank(width, height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data.set([x, y], (y * width + x) * 4);
  return image;
}

describe('regionArea', () => {
  it.each([
    // [what, picture width x height, region, expected left, top, width, height]
    [
      'at device pixel ratio 1',
      [100, 80],
      { x: 10, y: 20, width: 30, height: 40, viewportWidth: 100 },
      [10, 20, 30, 40],
    ],
    [
      'at device pixel ratio 2',
      [200, 160],
      { x: 10, y: 20, width: 30, height: 40, viewportWidth: 100 },
      [20, 40, 60, 80],
    ],
    ['scaled down (half)', [50, 40], { x: 11, y: 21, width: 31, height: 41, viewportWidth: 100 }, [5, 10, 16, 21]],
    [
      'running past the right and bottom edges',
      [100, 80],
      { x: 90, y: 70, width: 50, height: 50, viewportWidth: 100 },
      [90, 70, 10, 10],
    ],
    [
      'starting past the picture, kept one pixel',
      [100, 80],
      { x: 150, y: 90, width: 0, height: 0, viewportWidth: 100 },
      [99, 79, 1, 1],
    ],
  ] as const)('cuts out the region %s', (_, [width, height], region, [left, top, areaWidth, areaHeight]) => {
    const area = regionArea(numbered(width, height), region);
    expect([area.width, area.height]).toEqual([areaWidth, areaHeight]);
    expect([area.data[0], area.data[1]]).toEqual([left, top]);
    const last = (areaWidth * areaHeight - 1) * 4;
    expect([area.data[last], area.data[last + 1]]).toEqual([left + areaWidth - 1, top + areaHeight - 1]);
  });
});

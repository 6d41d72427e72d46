/**
 * Draws Tessera's toolbar icons (a rounded tile of four mosaic stones) into public/icon/*.png.
 * Run by hand when the design changes: `npx tsx scripts/make-icons.ts`. The PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const TILE: [number, number, number] = [0x2f, 0x6f, 0x5e];
const STONES: [number, number, number][] = [
  [0xf2, 0xe8, 0xcf],
  [0x9f, 0xd8, 0xc4],
  [0x9f, 0xd8, 0xc4],
  [0xf2, 0xe8, 0xcf],
];

function draw(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const radius = size * 0.22;
  const pad = size * 0.2;
  const gap = size * 0.08;
  const stone = (size - 2 * pad - gap) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const cx = x + 0.5;
      const cy = y + 0.5;
      const dx = Math.max(radius - cx, cx - (size - radius), 0);
      const dy = Math.max(radius - cy, cy - (size - radius), 0);
      const coverage = Math.min(1, Math.max(0, radius - Math.hypot(dx, dy) + 0.5));
      let color = TILE;
      const col = Math.floor((cx - pad) / (stone + gap));
      const row = Math.floor((cy - pad) / (stone + gap));
      const inStone =
        col >= 0 &&
        col < 2 &&
        row >= 0 &&
        row < 2 &&
        (cx - pad) % (stone + gap) < stone &&
        (cy - pad) % (stone + gap) < stone;
      if (inStone) color = STONES[row * 2 + col]!;
      png.data[i] = color[0];
      png.data[i + 1] = color[1];
      png.data[i + 2] = color[2];
      png.data[i + 3] = Math.round(255 * coverage);
    }
  }
  return PNG.sync.write(png);
}

for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), draw(size));

/**
 * The part of a screenshot the user dragged over (utils/scan/region-handlers.ts). The region is in
 * the page's CSS pixels; the screenshot is at the device pixel ratio, or scaled down when huge, so
 * its width over the viewport's width is the scale. The area is at least one pixel and never
 * leaves the picture.
 */
import { crop, type Pixels } from './qr-decode';
import type { SelectedRegion } from './selected-region';

export function regionArea(pixels: Pixels, selected: SelectedRegion): Pixels {
  const scale = pixels.width / selected.viewportWidth;
  const left = Math.min(pixels.width - 1, Math.floor(selected.x * scale));
  const top = Math.min(pixels.height - 1, Math.floor(selected.y * scale));
  return crop(
    pixels,
    left,
    top,
    Math.max(1, Math.min(pixels.width - left, Math.ceil(selected.width * scale))),
    Math.max(1, Math.min(pixels.height - top, Math.ceil(selected.height * scale))),
  );
}

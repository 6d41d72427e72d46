/**
 * Runs in the page (injected on demand, never on page load): finds every picture that could be a
 * QR code — `<img>` (http(s), data: and blob:), `<canvas>`, inline `<svg>` and CSS background
 * images, scrolled into view or not — reads its own pixels and decodes them. Pictures from
 * another origin cannot be read here (the canvas is tainted); their addresses go back to the
 * background, which may fetch them.
 */
import { findQrCodes, type Pixels } from '../../core/scan/qr-decode';

export interface PageScan {
  /** Texts of the QR codes found, each once. */
  texts: string[];
  /** Addresses of pictures this page would not let us read. */
  remote: string[];
  /** The frame's own origin (`location.origin`) as it was read: the top frame's is checked against the tab's. */
  origin?: string;
}

/** QR version 1 is 21 modules a side: anything smaller cannot hold one. */
const MIN_SIDE = 21;
/** Pictures are read at most this large; a QR code does not need more. */
const MAX_SIDE = 1600;
/** A QR code is square; allow generous margins and captions around it. */
const MAX_ASPECT = 3;
/** Enough for any enrolment page; bounds the work on a page full of pictures. */
const MAX_CANDIDATES = 60;

type Source = HTMLImageElement | HTMLCanvasElement | SVGSVGElement | { background: string };

export async function scanPage(doc: Document = document): Promise<PageScan> {
  const texts = new Set<string>();
  const remote = new Set<string>();
  for (const source of candidates(doc)) {
    try {
      const pixels = await pixelsOf(source);
      if (pixels) for (const text of findQrCodes(pixels)) texts.add(text);
    } catch (error) {
      const url =
        source instanceof HTMLImageElement
          ? source.currentSrc || source.src
          : 'background' in source
            ? source.background
            : undefined;
      if (url && error instanceof DOMException && error.name === 'SecurityError') remote.add(url);
    }
  }
  return { texts: [...texts], remote: [...remote], origin: doc.location?.origin };
}

/** Pictures worth decoding, largest first. */
function candidates(doc: Document): Source[] {
  const sized = (width: number, height: number) =>
    Math.min(width, height) >= MIN_SIDE && Math.max(width, height) <= Math.min(width, height) * MAX_ASPECT;
  const shown = (element: Element) => {
    const { width, height } = element.getBoundingClientRect();
    return sized(width, height) ? width * height : 0;
  };
  const found: { source: Source; area: number }[] = [];
  for (const img of doc.images)
    if (img.complete && sized(img.naturalWidth, img.naturalHeight)) found.push({ source: img, area: shown(img) });
  for (const canvas of doc.querySelectorAll('canvas'))
    if (sized(canvas.width, canvas.height)) found.push({ source: canvas, area: shown(canvas) });
  for (const svg of doc.querySelectorAll('svg'))
    if (!svg.parentElement?.closest('svg')) found.push({ source: svg, area: shown(svg) });
  for (const element of doc.body?.querySelectorAll('*') ?? []) {
    const image = getComputedStyle(element).backgroundImage;
    const url = /url\(["']?([^"')]+)["']?\)/.exec(image)?.[1];
    if (url) found.push({ source: { background: new URL(url, doc.baseURI).href }, area: shown(element) });
  }
  return found
    .filter(({ area }) => area > 0)
    .sort((a, b) => b.area - a.area)
    .slice(0, MAX_CANDIDATES)
    .map(({ source }) => source);
}

async function pixelsOf(source: Source): Promise<Pixels | undefined> {
  if (source instanceof HTMLImageElement) return draw(source, source.naturalWidth, source.naturalHeight);
  if (source instanceof HTMLCanvasElement) return draw(source, source.width, source.height);
  if (source instanceof SVGSVGElement) return draw(...(await rasterise(source)));
  const image = new Image();
  image.src = source.background;
  await image.decode();
  return draw(image, image.naturalWidth, image.naturalHeight);
}

/** An inline SVG as an image at twice its shown size, so thin modules stay crisp. */
async function rasterise(svg: SVGSVGElement): Promise<[HTMLImageElement, number, number]> {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width * 2));
  copy.setAttribute('height', String(height * 2));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await image.decode();
  return [image, width * 2, height * 2];
}

/** Draws onto a white canvas (transparent pixels read as black otherwise) and reads it back. */
function draw(source: CanvasImageSource, naturalWidth: number, naturalHeight: number): Pixels | undefined {
  const scale = Math.min(1, MAX_SIDE / Math.max(naturalWidth, naturalHeight));
  const [width, height] = [Math.round(naturalWidth * scale), Math.round(naturalHeight * scale)];
  if (Math.min(width, height) < MIN_SIDE) return undefined;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(source, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  return { data, width, height };
}

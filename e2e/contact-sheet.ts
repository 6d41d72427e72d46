/**
 * The contact sheet of the screens test (test-results/screens/index.html): every screenshot,
 * grouped by screen, thumbnails linking to the full pictures, each variant's layout offences
 * listed beside it, so anyone can look at all the screens at once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LayoutOffence } from './layout-check';

export interface Shot {
  screen: string;
  locale: string;
  theme: 'light' | 'dark';
  width: number;
  height: number;
  /** The file name inside the screens folder. */
  file: string;
  offences: LayoutOffence[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** `<locale>-<theme>-<w>x<h>-<screen>.png`, the name shared by every helper of issue 16. */
export const shotName = (shot: Omit<Shot, 'file' | 'offences'>) =>
  `${shot.locale}-${shot.theme}-${shot.width}x${shot.height}-${shot.screen}.png`;

export function contactSheet(shots: Shot[]): string {
  const screens = [...new Set(shots.map((shot) => shot.screen))];
  const failing = screens.filter((screen) => shots.some((shot) => shot.screen === screen && shot.offences.length));
  const sections = screens.map((screen) => {
    const own = shots.filter((shot) => shot.screen === screen);
    const figures = own.map((shot) => {
      const caption = `${shot.locale} · ${shot.theme} · ${shot.width}×${shot.height}`;
      const list = shot.offences.length
        ? `<ul class="offences">${shot.offences
            .map((o) => `<li><b>${escapeHtml(o.rule)}</b>: ${escapeHtml(o.element)} ${escapeHtml(o.detail)}</li>`)
            .join('')}</ul>`
        : '<p class="ok">no layout offence</p>';
      return `<figure class="${shot.offences.length ? 'bad' : 'good'}"><a href="${encodeURI(shot.file)}"><img src="${encodeURI(
        shot.file,
      )}" alt="${escapeHtml(`${screen}, ${caption}`)}" loading="lazy" style="aspect-ratio:${shot.width}/${shot.height}"></a><figcaption>${escapeHtml(
        caption,
      )}${list}</figcaption></figure>`;
    });
    return `<section id="${escapeHtml(screen)}"><h2>${escapeHtml(screen)}</h2><div class="row">${figures.join('')}</div></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tessera screens</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #222; background: #f4f4f4; }
  nav a { margin-right: 8px; }
  nav a.failing { color: #b00020; font-weight: bold; }
  .row { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
  figure { margin: 0; width: 240px; background: #fff; padding: 8px; border: 2px solid #2e7d32; }
  figure.bad { border-color: #b00020; width: 420px; }
  figure img { width: 240px; height: auto; border: 1px solid #ccc; display: block; }
  .offences { font-size: 12px; color: #b00020; padding-left: 16px; margin: 4px 0 0; word-break: break-word; }
  .ok { color: #2e7d32; margin: 4px 0 0; }
</style></head><body>
<h1>Tessera screens</h1>
<p>${shots.length} screenshots of ${screens.length} screens; ${failing.length} screen(s) with layout offences.</p>
<nav>${screens
    .map(
      (screen) =>
        `<a href="#${escapeHtml(screen)}"${failing.includes(screen) ? ' class="failing"' : ''}>${escapeHtml(screen)}</a>`,
    )
    .join(' ')}</nav>
${sections.join('\n')}
</body></html>
`;
}

/** index.html, and offences.json (every shot's offences) for scripts that compare runs. */
export function writeContactSheet(folder: string, shots: Shot[]): void {
  writeFileSync(path.join(folder, 'index.html'), contactSheet(shots));
  writeFileSync(path.join(folder, 'offences.json'), `${JSON.stringify(shots, null, 1)}\n`);
}

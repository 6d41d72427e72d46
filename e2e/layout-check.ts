/**
 * The layout test's rules, run inside a page as it is drawn (issue 16): nothing wider than its
 * container, no two controls overlapping or touching, no text clipped, every control at least
 * 24×24 CSS px (WCAG 2.2, 2.5.8 Target Size (Minimum); inline links in a sentence are excepted as
 * WCAG excepts them). Only what a user can see counts: elements not rendered, hidden, of no size,
 * inside an aria-hidden subtree, or visually hidden for screen readers (clipped to a pixel) are
 * skipped. Proven rule by rule on small crafted pages in layout-check.e2e.ts.
 */
import type { Page } from 'playwright-core';

export type LayoutRule = 'too wide' | 'overlap' | 'touching' | 'clipped' | 'too small';

export interface LayoutOffence {
  rule: LayoutRule;
  /** A short selector path of the offending element, then its text or accessible name in quotes. */
  element: string;
  /** What is wrong, in CSS px, and the other element of a pair. */
  detail: string;
}

/**
 * Every offence on the page as it is now; `within`: only inside the element this selector finds
 * (Tessera's own part of a web page, such as the region tool's overlay), the page's width still checked.
 */
export async function layoutOffences(page: Page, within?: string): Promise<LayoutOffence[]> {
  return page.evaluate(findLayoutOffences, within ?? null);
}

/** One line per offence, under the screen's name. */
export function describeOffences(screen: string, offences: LayoutOffence[]): string {
  return [
    `${screen}: ${offences.length} layout offence(s)`,
    ...offences.map((o) => `  ${o.rule}: ${o.element} ${o.detail}`),
  ].join('\n');
}

/**
 * Runs in the page (Playwright serialises it): self-contained, no imports, no outer names.
 * Tolerance: half a pixel, for sub-pixel rounding of fractional layouts.
 */
export function findLayoutOffences(within: string | null = null): LayoutOffence[] {
  const EPSILON = 0.5;
  const MIN_TARGET = 24;
  const offences: LayoutOffence[] = [];

  const visible = (el: Element): boolean => {
    if (el.closest('[aria-hidden="true"], [hidden], template')) return false;
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    // Visually hidden for assistive technology (the usual .sr-only: clipped away, or to a pixel).
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (/inset\((50|100)%\)/.test(style.clipPath) || /rect\(0px,? 0px,? 0px,? 0px\)/.test(style.clip)) return false;
      const clipped = style.clip !== 'auto' && style.clip !== '' && /absolute|fixed/.test(style.position);
      if (clipped && node.getBoundingClientRect().width <= 2) return false;
    }
    return true;
  };

  /** What a user reads on it: its text, else its label or name, value or placeholder. */
  const text = (el: Element): string => {
    const own = (el as HTMLElement).innerText ?? el.textContent ?? '';
    const label = el instanceof HTMLInputElement ? (el.labels?.[0]?.innerText ?? '') : '';
    const named = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
    const value = el instanceof HTMLInputElement && !['checkbox', 'radio'].includes(el.type) ? el.value : '';
    const words = (own || label || named || value || el.getAttribute('placeholder') || '').replace(/\s+/g, ' ').trim();
    return words.length > 40 ? `${words.slice(0, 39)}…` : words;
  };

  const step = (el: Element): string => {
    let part = el.tagName.toLowerCase();
    if (el.id) return `${part}#${el.id}`;
    const classes = [...el.classList].slice(0, 2);
    if (classes.length) part += `.${classes.join('.')}`;
    const role = el.getAttribute('role');
    if (role) part += `[role=${role}]`;
    const parent = el.parentElement;
    if (parent && !classes.length) {
      const same = [...parent.children].filter((child) => child.tagName === el.tagName);
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(el) + 1})`;
    }
    return part;
  };
  const describe = (el: Element): string => {
    const path: string[] = [];
    for (let node: Element | null = el; node && path.length < 3 && node !== document.body; node = node.parentElement) {
      path.unshift(step(node));
      if (node.id) break;
    }
    const words = text(el);
    return `${path.join(' > ')}${words ? ` "${words}"` : ''}`;
  };
  const px = (n: number) => `${Math.round(n * 10) / 10}px`;

  const root = within === null ? document.body : document.querySelector(within);
  if (!root) throw new Error(`Nothing on the page matches ${within}`);
  const all = [...(root === document.body ? [] : [root]), ...root.querySelectorAll('*')].filter(
    (el) => !(el instanceof SVGElement && !(el instanceof SVGSVGElement)) && visible(el),
  );

  // Too wide: a box whose content is wider than it is (the page itself included). Only the
  // innermost such box is reported, with what sticks out of it; vertical scrolling is fine.
  const skipsWidth = (el: Element) =>
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    getComputedStyle(el).display.startsWith('inline') ||
    /hidden|clip/.test(getComputedStyle(el).overflowX);
  const wide = [document.documentElement, ...all].filter(
    (el) => !(el !== document.documentElement && skipsWidth(el)) && el.scrollWidth > el.clientWidth + EPSILON,
  );
  for (const box of wide) {
    if (wide.some((other) => other !== box && box.contains(other))) continue;
    const edge = box.getBoundingClientRect();
    const left = box === document.documentElement ? 0 : edge.left + box.clientLeft;
    const right = box === document.documentElement ? window.innerWidth : left + box.clientWidth;
    const out = all.filter((el) => {
      if (!box.contains(el) || el === box) return false;
      const rect = el.getBoundingClientRect();
      return rect.right > right + EPSILON || rect.left < left - EPSILON;
    });
    const outermost = out.filter((el) => !out.some((other) => other !== el && other.contains(el)));
    const culprits = outermost.length ? outermost.slice(0, 3).map(describe).join('; ') : 'its text';
    offences.push({
      rule: 'too wide',
      element: box === document.documentElement ? 'the page' : describe(box),
      detail: `is ${px(box.scrollWidth)} wide inside ${px(box.clientWidth)}; sticks out: ${culprits}`,
    });
  }

  // Clipped text: a box that hides its overflow (or ends it with an ellipsis) while text in it
  // is wider or taller than the box.
  for (const el of all) {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
      continue;
    const style = getComputedStyle(el);
    const hidesX = /hidden|clip/.test(style.overflowX) || style.textOverflow === 'ellipsis';
    const hidesY = /hidden|clip/.test(style.overflowY) || style.webkitLineClamp !== 'none';
    const cutX = hidesX && el.scrollWidth > el.clientWidth + EPSILON;
    const cutY = hidesY && el.scrollHeight > el.clientHeight + EPSILON;
    if (!(cutX || cutY) || !(el as HTMLElement).innerText?.trim()) continue;
    // A deliberate one-line cut: an ellipsis, with the whole text in the title of the element or
    // of a box around it (shown on hover; it is also the control's accessible name). The account
    // list needs it: its rows have a fixed height so 500 accounts render as cheaply as 10.
    const whole = el.closest('[title]')?.getAttribute('title') ?? '';
    if (cutX && !cutY && style.textOverflow === 'ellipsis' && whole.includes(el.textContent!.trim())) continue;
    offences.push({
      rule: 'clipped',
      element: describe(el),
      detail: cutX
        ? `shows ${px(el.clientWidth)} of ${px(el.scrollWidth)} of its width`
        : `shows ${px(el.clientHeight)} of ${px(el.scrollHeight)} of its height`,
    });
  }

  // Targets: controls a pointer can hit. A checkbox or radio with its label counts as one target
  // (clicking the label works it); a link inside a sentence is excepted (WCAG 2.5.8 "Inline").
  const CONTROLS =
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], ' +
    '[role=checkbox], [role=radio], [role=switch], [role=tab], [role=menuitem], [role=option]';
  const inSentence = (el: Element) =>
    el.tagName === 'A' &&
    getComputedStyle(el).display === 'inline' &&
    [...(el.parentElement?.childNodes ?? [])].some(
      (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
    );
  const labelOf = (el: Element): HTMLLabelElement | null =>
    el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type)
      ? (el.labels?.[0] ?? null)
      : el.tagName === 'LABEL'
        ? (el as HTMLLabelElement)
        : null;
  interface Target {
    el: Element;
    /** The part shown (for overlaps) and the whole (for its size). */
    rect: { left: number; top: number; right: number; bottom: number };
    size: { width: number; height: number };
  }
  const targets: Target[] = [];
  /** The part of `el` not cut off by a scrolling or clipping box around it (a list scrolled down). */
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
    for (let box = el.parentElement; box && box !== document.documentElement; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const b = box.getBoundingClientRect();
      left = Math.max(left, b.left);
      top = Math.max(top, b.top);
      right = Math.min(right, b.right);
      bottom = Math.min(bottom, b.bottom);
    }
    return { left, top, right, bottom };
  };
  for (const el of all) {
    if (!el.matches(CONTROLS) || inSentence(el)) continue;
    const seen = shown(el);
    if (seen.right - seen.left < 1 || seen.bottom - seen.top < 1) continue;
    const label = labelOf(el);
    const union = (boxes: { left: number; top: number; right: number; bottom: number }[]) => ({
      left: Math.min(...boxes.map((b) => b.left)),
      top: Math.min(...boxes.map((b) => b.top)),
      right: Math.max(...boxes.map((b) => b.right)),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
    });
    const withLabel = label && label !== el && visible(label);
    const rect = union(withLabel ? [seen, shown(label)] : [seen]);
    const whole = union(
      withLabel ? [el.getBoundingClientRect(), label.getBoundingClientRect()] : [el.getBoundingClientRect()],
    );
    targets.push({ el, rect, size: { width: whole.right - whole.left, height: whole.bottom - whole.top } });
  }
  // A label holding a hidden input (a file picker styled as a button) is a target of its own.
  for (const label of all.filter((el): el is HTMLLabelElement => el instanceof HTMLLabelElement)) {
    const control = label.control;
    if (!control || visible(control) || targets.some((t) => t.el === label)) continue;
    const seen = shown(label);
    const { width, height } = label.getBoundingClientRect();
    if (seen.right - seen.left >= 1 && seen.bottom - seen.top >= 1)
      targets.push({ el: label, rect: seen, size: { width, height } });
  }

  for (const { el, size } of targets) {
    const { width, height } = size;
    if (width < MIN_TARGET - EPSILON || height < MIN_TARGET - EPSILON)
      offences.push({
        rule: 'too small',
        element: describe(el),
        detail: `is ${px(width)}×${px(height)}, under ${MIN_TARGET}×${MIN_TARGET}`,
      });
  }

  // Overlapping or touching targets: pairs where neither holds the other (a control inside a
  // label or a summary inside its details is one target).
  const related = (a: Target, b: Target) =>
    a.el.contains(b.el) ||
    b.el.contains(a.el) ||
    labelOf(a.el)?.contains(b.el) ||
    labelOf(b.el)?.contains(a.el) ||
    labelOf(a.el) === b.el ||
    labelOf(b.el) === a.el;
  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      const a = targets[i]!;
      const b = targets[j]!;
      if (related(a, b)) continue;
      const overlapX = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const overlapY = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (overlapX > EPSILON && overlapY > EPSILON)
        offences.push({
          rule: 'overlap',
          element: describe(a.el),
          detail: `overlaps ${describe(b.el)} by ${px(overlapX)}×${px(overlapY)}`,
        });
      else if (overlapX > -EPSILON && overlapY > -EPSILON)
        offences.push({ rule: 'touching', element: describe(a.el), detail: `touches ${describe(b.el)}` });
    }
  }
  return offences;
}

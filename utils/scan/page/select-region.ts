/**
 * The scan's last resort, only offered when neither the page's pictures nor a screenshot held a
 * code: the user drags a rectangle over the code. Runs in the page; answers with the rectangle in
 * CSS pixels (and the device pixel ratio), or undefined when the user pressed Esc.
 */
import type { SelectedRegion } from '../../core/scan/selected-region';

const OVERLAY_ID = 'tessera-region-select';

export function selectRegion(
  doc: Document = document,
  hint = 'Drag over the QR code · Esc cancels',
): Promise<SelectedRegion | undefined> {
  doc.getElementById(OVERLAY_ID)?.remove();
  const overlay = doc.createElement('div');
  overlay.id = OVERLAY_ID;
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-label', hint);
  overlay.tabIndex = -1;
  overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;cursor:crosshair;background:rgba(0,0,0,.25);';
  const label = doc.createElement('div');
  label.textContent = hint;
  label.style.cssText =
    'position:fixed;top:12px;left:50%;transform:translateX(-50%);padding:6px 12px;border-radius:6px;' +
    'background:#111;color:#fff;font:14px system-ui,sans-serif;pointer-events:none;';
  const box = doc.createElement('div');
  box.style.cssText = 'position:fixed;border:2px dashed #fff;outline:1px solid #000;display:none;pointer-events:none;';
  overlay.append(label, box);
  doc.documentElement.append(overlay);
  overlay.focus();

  return new Promise((resolve) => {
    let start: { x: number; y: number } | undefined;
    const finish = (region: SelectedRegion | undefined) => {
      doc.removeEventListener('keydown', onKey, true);
      overlay.remove();
      // Two frames, so the overlay is gone from the screen before the background takes its picture.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(region)));
    };
    const rectangle = (event: PointerEvent) => ({
      x: Math.min(start!.x, event.clientX),
      y: Math.min(start!.y, event.clientY),
      width: Math.abs(event.clientX - start!.x),
      height: Math.abs(event.clientY - start!.y),
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      finish(undefined);
    };
    doc.addEventListener('keydown', onKey, true);
    overlay.addEventListener('pointerdown', (event) => {
      if (!event.isTrusted) return;
      start = { x: event.clientX, y: event.clientY };
      overlay.setPointerCapture(event.pointerId);
    });
    overlay.addEventListener('pointermove', (event) => {
      if (!start) return;
      const { x, y, width, height } = rectangle(event);
      Object.assign(box.style, {
        display: 'block',
        left: `${x}px`,
        top: `${y}px`,
        width: `${width}px`,
        height: `${height}px`,
      });
    });
    overlay.addEventListener('pointerup', (event) => {
      if (!start || !event.isTrusted) return;
      const region = rectangle(event);
      start = undefined;
      // A click without a drag is not a selection: keep waiting.
      if (region.width < 10 || region.height < 10) return void (box.style.display = 'none');
      finish({ ...region, viewportWidth: window.innerWidth });
    });
  });
}

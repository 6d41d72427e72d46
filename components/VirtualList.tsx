import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows drawn beyond the visible ones, so fast scrolling does not show gaps. */
const OVERSCAN = 4;

interface Props<T> {
  items: T[];
  rowHeight: number;
  /** Keeps this row in view (keyboard navigation). */
  activeIndex: number;
  label: string;
  keyOf: (item: T) => string;
  renderRow: (item: T, index: number) => ComponentChildren;
  onKeyDown?: (event: KeyboardEvent) => void;
  /** Rows can be dragged onto each other to reorder (pointer users; keyboard users have Alt+arrows). */
  onDrop?: (dragged: T, target: T) => void;
}

/**
 * A list that renders only the rows in view, so 500 accounts cost what 10 do. Rows have a fixed
 * height; each carries its position for assistive technology (aria-posinset / aria-setsize).
 */
export function VirtualList<T>({
  items,
  rowHeight,
  activeIndex,
  label,
  keyOf,
  renderRow,
  onKeyDown,
  onDrop,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const dragged = useRef<T | undefined>(undefined);
  const [over, setOver] = useState<string>();
  const [view, setView] = useState({ top: 0, height: 8 * rowHeight });

  useLayoutEffect(() => {
    const element = scroller.current!;
    const update = () => setView({ top: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener('scroll', update, { passive: true });
    return () => element.removeEventListener('scroll', update);
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current!;
    const top = activeIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
  }, [activeIndex, rowHeight]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  return (
    <div class="scroller" ref={scroller}>
      <ul class="accounts" aria-label={label} style={{ height: items.length * rowHeight }} onKeyDown={onKeyDown}>
        {items.slice(first, last).map((item, offset) => (
          <li
            key={keyOf(item)}
            class={over === keyOf(item) ? 'account drop-target' : 'account'}
            style={{ top: (first + offset) * rowHeight }}
            aria-posinset={first + offset + 1}
            aria-setsize={items.length}
            draggable={Boolean(onDrop)}
            onDragStart={(event) => {
              dragged.current = item;
              event.dataTransfer?.setData('text/plain', keyOf(item));
            }}
            onDragOver={(event) => {
              if (!dragged.current) return;
              event.preventDefault();
              setOver(keyOf(item));
            }}
            onDragLeave={() => setOver(undefined)}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged.current && dragged.current !== item) onDrop?.(dragged.current, item);
              dragged.current = undefined;
              setOver(undefined);
            }}
            onDragEnd={() => {
              dragged.current = undefined;
              setOver(undefined);
            }}
          >
            {renderRow(item, first + offset)}
          </li>
        ))}
      </ul>
    </div>
  );
}

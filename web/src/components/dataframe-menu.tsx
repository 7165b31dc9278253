// gr.Dataframe's cell menu (the "⋮" button of a header or of the selected cell): sorting, and adding or
// deleting rows and columns. Item names are Gradio's, so tests that click "Sort ascending" or "Add row
// below" work on both.

import { useLayoutEffect, useRef } from "preact/hooks";
import { cx } from "../renderer/hooks";

export interface MenuItem {
  label: string;
  run: () => void;
  active?: boolean;
  danger?: boolean;
}

/** The "⋮" is drawn by CSS, so a cell's text stays its value's (tests read cells with to_have_text). */
export function MenuButton({ onOpen }: { onOpen: (at: { x: number; y: number }) => void }) {
  return (
    <button
      type="button"
      class="cell-menu-button"
      aria-label="Open cell menu"
      aria-haspopup="menu"
      onClick={(e) => {
        e.stopPropagation();
        const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
        onOpen({ x: box.left, y: box.bottom });
      }}
      onDblClick={(e) => e.stopPropagation()}
    />
  );
}

/** A menu at a viewport position; it closes on Escape, on a click outside it, and after an item ran. */
export function CellMenu({ x, y, items, onClose }: { x: number; y: number; items: MenuItem[]; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // Layout effect: listening and focus are in place as soon as the menu is, before the next key press.
  useLayoutEffect(() => {
    box.current?.querySelector<HTMLButtonElement>("button")?.focus();
    const outside = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) close.current();
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.stopPropagation();
      close.current();
    };
    document.addEventListener("pointerdown", outside, true);
    document.addEventListener("keydown", escape, true);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      document.removeEventListener("keydown", escape, true);
    };
  }, []);
  // Keep the menu inside the viewport.
  const left = Math.max(4, Math.min(x, window.innerWidth - 200));
  const top = Math.max(4, Math.min(y, window.innerHeight - 40 * items.length));
  return (
    <div
      ref={box}
      class="cell-menu"
      role="menu"
      style={{ left: `${left}px`, top: `${top}px` }}
    >
      {items.map((item) => (
        <button
          type="button"
          role="menuitem"
          key={item.label}
          aria-label={item.label}
          class={cx(item.active && "active", item.danger && "danger")}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

// gr.Dialogue's tag menu: typing ":" (then letters) in a line offers the tags that contain them, as in
// Gradio (data-testid="dialogue-tag-menu", options role=option); arrows move, Enter or a click inserts.

import { useState } from "preact/hooks";
import { cx } from "../renderer/hooks";

/** The text after the ":" that opens the menu, when the caret is in such a word; null when it is not. */
export function tagQuery(text: string, caret: number): string | null {
  if (text[caret - 1] === ":") return "";
  const colon = text.lastIndexOf(":", caret - 1);
  if (colon < 0) return null;
  const typed = text.substring(colon + 1, caret);
  return typed.includes(" ") ? null : typed;
}

export interface TagMenuState {
  open: boolean;
  /** Which text area the menu belongs to (a line's index; 0 for the plain-text view). */
  openAt: number | null;
  filtered: string[];
  index: number;
  active: string | null;
  show(at: number, query: string | null): void;
  move(step: number): void;
  close(): void;
}

export function useTagMenu(tags: string[]): TagMenuState {
  const [openAt, setOpenAt] = useState<number | null>(null);
  const [filtered, setFiltered] = useState<string[]>([]);
  const [index, setIndex] = useState(0);
  const close = () => {
    setOpenAt(null);
    setIndex(0);
  };
  return {
    open: openAt !== null && filtered.length > 0,
    openAt,
    filtered,
    index,
    active: filtered[index] ?? null,
    show(at, query) {
      if (query === null || !tags.length) return close();
      const q = query.toLowerCase();
      const found = tags.filter((t) => !q || t.toLowerCase().includes(q));
      setFiltered(found);
      setIndex(0);
      setOpenAt(found.length ? at : null);
    },
    move(step) {
      setIndex((i) => Math.max(0, Math.min(filtered.length - 1, i + step)));
    },
    close,
  };
}

export function TagMenu({ menu, onPick }: { menu: TagMenuState; onPick: (tag: string) => void }) {
  return (
    <div class="tag-menu" data-testid="dialogue-tag-menu">
      <ul class="options" role="listbox" aria-label="Tags">
        {menu.filtered.map((tag, i) => (
          <li
            key={tag}
            class={cx("item", i === menu.index && "active")}
            role="option"
            aria-selected={i === menu.index}
            data-testid="dropdown-option"
            // mousedown, not click: the text area must keep its caret (and not blur) while a tag is picked.
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(tag);
            }}
          >
            {tag}
          </li>
        ))}
      </ul>
    </div>
  );
}

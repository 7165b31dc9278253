// gr.Accordion: a header button (aria-expanded, label and chevron) and a body hidden when closed.
// As on Gradio, a closed Accordion's content is drawn the first time it opens, then stays mounted while
// closed (values live in the store either way); `open` updates from events apply.

import { useRef } from "preact/hooks";
import { cssSize, cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
// Its box is the `.block` of renderer/block.css (imported by block.tsx, which draws every tree).
import "./column.css";
import "./accordion.css";

export function Accordion({ id, props, children, root, trigger, store }: ComponentProps) {
  // `open` lives in the store's props (like Gradio's bound prop), so a later update to either state applies.
  const open = props.open !== false;
  const opened = useRef(false);
  if (open) opened.current = true;
  const bodyId = domId(store, id, "content");
  return (
    <div id={root.id} class={cx("block", "padded", "wb-accordion", open && "open", root.className)} style={root.style}>
      <button
        type="button"
        class={cx("label-wrap", open && "open")}
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => {
          const next = !open;
          store.applyUpdate({ id, props: { open: next } });
          trigger(next ? "expand" : "collapse");
        }}
      >
        <span class="accordion-label">{props.label ?? ""}</span>
        {/* Not aria-hidden: Gradio's chevron is part of the button's name, and its specs find the button by it
            (getByRole("button", { name: "View Code ▼" }) in theme_builder.spec.ts). */}
        <span class="icon" style={{ transform: open ? "rotate(0deg)" : "rotate(90deg)" }}>
          ▼
        </span>
      </button>
      <div
        id={bodyId}
        class="accordion-content column gap"
        data-testid="accordion-content"
        hidden={!open}
        // height / max_height: the content scrolls past them (Gradio's Accordion).
        style={props.height != null || props.max_height != null ? { height: cssSize(props.height), maxHeight: cssSize(props.max_height), overflowY: "auto" } : undefined}
      >
        {opened.current ? children : null}
      </div>
    </div>
  );
}

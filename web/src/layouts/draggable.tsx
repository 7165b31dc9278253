// gr.Draggable: each child sits in a .draggable-item with a ⋮⋮ handle (shown on hover, as in Gradio);
// dragging a child by its handle onto another swaps the two (Gradio's drop swaps, it does not insert). The
// order lives in the page only, as in Gradio. Keyboard: on a focused handle the arrow keys swap the child
// with its neighbour. Gradio moves DOM nodes itself; here the order is state and Preact moves the items.

import { toChildArray } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import "./draggable.css";

/** `order` kept for the ids still there, new ids appended in their place in `ids`. */
export function reconcile(order: number[], ids: number[]): number[] {
  const present = new Set(ids);
  const kept = order.filter((id) => present.has(id));
  const known = new Set(kept);
  return [...kept, ...ids.filter((id) => !known.has(id))];
}

function swap(order: number[], a: number, b: number): number[] {
  const next = [...order];
  const i = next.indexOf(a);
  const j = next.indexOf(b);
  if (i < 0 || j < 0 || i === j) return order;
  next[i] = b;
  next[j] = a;
  return next;
}

export function Draggable({ props, children, childIds, root, store }: ComponentProps) {
  const [saved, setOrder] = useState<number[]>(childIds);
  const order = reconcile(saved, childIds);
  const [dragged, setDragged] = useState<number | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const focusAfter = useRef<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const rendered = toChildArray(children);
  const byId = new Map(childIds.map((cid, i) => [cid, rendered[i]]));
  const horizontal = props.orientation === "row";

  // Moving an item moves its handle in the DOM, which drops focus: give it back.
  useLayoutEffect(() => {
    if (focusAfter.current === null) return;
    box.current?.querySelector<HTMLElement>(`.drag-handle[data-id="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  });

  // Keys move a card past its shown neighbour: a child that draws nothing (hidden, gr.State) is not one.
  const move = (cid: number, step: number): void => {
    const shown = order.filter((c) => {
      const item = box.current?.querySelector(`:scope > .draggable-item[data-id="${c}"]`);
      return !!item && item.getClientRects().length > 0;
    });
    const at = shown.indexOf(cid);
    const other = at < 0 ? undefined : shown[at + step];
    if (other === undefined) return;
    focusAfter.current = cid;
    setOrder(swap(order, cid, other));
  };

  return (
    <div
      ref={box}
      id={root.id}
      class={cx("draggable", horizontal ? "horizontal" : "vertical", root.className)}
      style={root.style}
      role="region"
      aria-label="Draggable items container"
    >
      {order.map((cid, index) => {
        const scale = store.get(cid)?.props.scale;
        return (
          <div
            key={cid}
            class={cx("draggable-item", dragged === cid && "dragging", target === cid && dragged !== cid && "drop-target")}
            data-id={cid}
            data-index={index}
            style={horizontal && typeof scale === "number" ? { flexGrow: String(scale) } : undefined}
            onDragEnter={(e) => {
              if (dragged === null) return; // something from elsewhere (a file, another Draggable's item)
              e.stopPropagation();
              setTarget(cid);
            }}
            onDragOver={(e) => {
              if (dragged === null) return;
              e.preventDefault();
              e.stopPropagation();
              if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
            }}
            onDrop={(e) => {
              if (dragged === null) return;
              e.preventDefault();
              e.stopPropagation();
              setOrder(swap(order, dragged, cid));
              setDragged(null);
              setTarget(null);
            }}
          >
            {byId.get(cid)}
            <div
              class="drag-handle"
              data-id={cid}
              data-index={index}
              draggable
              role="button"
              tabIndex={0}
              aria-label="Drag to reorder"
              aria-grabbed={dragged === cid ? "true" : "false"}
              title="Drag to reorder"
              onDragStart={(e) => {
                e.stopPropagation();
                setDragged(cid);
                const item = (e.currentTarget as HTMLElement).parentElement;
                if (e.dataTransfer) {
                  e.dataTransfer.effectAllowed = "move";
                  e.dataTransfer.setData("text/plain", String(index + 1)); // Firefox starts no drag without data
                  if (item) e.dataTransfer.setDragImage(item, 10, 10);
                }
              }}
              onDragEnd={(e) => {
                e.stopPropagation();
                setDragged(null);
                setTarget(null);
              }}
              onKeyDown={(e) => {
                const step = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 }[e.key];
                if (step === undefined) return;
                e.preventDefault();
                move(cid, step);
              }}
            >
              ⋮⋮
            </div>
          </div>
        );
      })}
    </div>
  );
}

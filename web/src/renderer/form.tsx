// Gradio's Form: consecutive form components (Textbox, Number, Slider, …) of a layout share one `.form` box,
// which Gradio's Python inserts around them (BlockContext.fill_expected_parents). Drawn here from the
// children's types, so the tree stays as the app built it. The box hides when all it holds is hidden.

import type { ComponentChildren, VNode } from "preact";
import type { AppStore } from "../client/store";
import "./form.css";

/** The block types Gradio groups (its FormComponent subclasses). */
const FORM_TYPES = new Set([
  "textbox", "number", "slider", "checkbox", "checkboxgroup", "radio", "dropdown", "datetime", "multimodaltextbox",
]);
/** Blocks that have no box: they sit beside a Form without ending it (Gradio: breaks_grouping() is False). */
const INVISIBLE_TYPES = new Set(["state", "browserstate", "timer"]);

interface Group {
  ids: number[];
  nodes: VNode[];
}

/**
 * The children of block `parentId`, consecutive form components wrapped in a `.form` div. A compact Row or
 * Column groups nothing (Gradio: allow_expected_parents is False there), nor a Draggable, whose renderer
 * makes each child a card of its own.
 */
export function withForms(store: AppStore, parentId: number, childIds: number[], nodes: VNode[]): ComponentChildren {
  const parent = store.get(parentId);
  // An explicit gr.Form is the box already; a Draggable makes each child a card of its own.
  if (!parent || parent.type === "draggable" || parent.type === "form") return nodes;
  if ((parent.type === "row" || parent.type === "column") && parent.props.variant === "compact") return nodes;
  const out: (VNode | Group)[] = [];
  let open: Group | null = null;
  childIds.forEach((cid, i) => {
    const child = store.get(cid);
    const node = nodes[i]!;
    if (child && FORM_TYPES.has(child.type) && child.props.container !== false) {
      if (!open) out.push((open = { ids: [], nodes: [] }));
      open.ids.push(cid);
      open.nodes.push(node);
      return;
    }
    if (!child || !INVISIBLE_TYPES.has(child.type)) open = null;
    out.push(node);
  });
  return out.map((item) => ("ids" in item ? <Form key={`form-${item.ids[0]}`} store={store} parent={parent.type} group={item} /> : item));
}

function Form({ store, parent, group }: { store: AppStore; parent: string; group: Group }) {
  // In a Row the Form takes its children's share (Gradio's Form.add_child sums their scale and min_width).
  let scale = 0;
  let minWidth = 0;
  if (parent === "row") {
    for (const id of group.ids) {
      const props = store.get(id)?.props ?? {};
      scale += typeof props.scale === "number" ? props.scale : 1;
      minWidth += typeof props.min_width === "number" ? props.min_width : 0;
    }
  }
  return (
    <div class="form" style={{ flexGrow: String(scale), minWidth: `min(${minWidth}px, 100%)` }}>
      {group.nodes}
    </div>
  );
}

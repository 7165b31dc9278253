// gr.Form: form fields in one bordered panel (Gradio's .form): laid out as its parent lays out (a Row's
// fields side by side), hairline gaps, flex-grow = scale, min-width = the children's together.

import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import "../renderer/form.css";
import "./form.css";

export function Form({ props, children, root }: ComponentProps) {
  const style: Record<string, string> = { ...root.style };
  if (typeof props.scale === "number" && props.scale > 0) style.flexGrow = String(props.scale);
  style.minWidth = `min(${typeof props.min_width === "number" ? props.min_width : 0}px, 100%)`;
  return (
    <div id={root.id} class={cx("form", root.className)} style={style}>
      {children}
    </div>
  );
}

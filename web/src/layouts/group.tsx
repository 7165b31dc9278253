// gr.Group: children in one panel with no gaps between them (Gradio's .gr-group > .styler).

import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import "./group.css";

export function Group({ children, root }: ComponentProps) {
  return (
    <div id={root.id} class={cx("gr-group", root.className)} style={root.style}>
      <div class="styler">{children}</div>
    </div>
  );
}

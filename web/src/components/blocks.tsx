// The root gr.Blocks: a column of its children.

import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";

export function Blocks({ children, root, props }: ComponentProps) {
  return (
    <div id={root.id} class={cx("wb-root", "column", "gap", props.fill_height && "fill", root.className)} style={root.style}>
      {children}
    </div>
  );
}

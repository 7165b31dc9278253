// gr.Column: children stacked; flex-grow = scale and a min-width, so Rows share space by scale.

import { cx } from "../renderer/hooks";
import { StatusTracker } from "../renderer/status";
import type { ComponentProps } from "../renderer/types";
import "./column.css";

export function Column({ id, props, children, root, status, store }: ComponentProps) {
  const style: Record<string, string> = { ...root.style };
  const scale = typeof props.scale === "number" ? props.scale : 1;
  style.flexGrow = String(scale);
  const minWidth = typeof props.min_width === "number" ? props.min_width : 320;
  style.minWidth = `min(${minWidth}px, 100%)`;
  return (
    <div
      id={root.id}
      class={cx("column", "gap", props.variant === "panel" && "panel", props.variant === "compact" && "compact", root.className)}
      style={style}
    >
      {props.show_progress ? <StatusTracker status={status} store={store} id={id} /> : null}
      {children}
    </div>
  );
}

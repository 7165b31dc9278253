// gr.Row: children side by side, wrapping on narrow screens (each child keeps its min-width).

import { cssSize, cx } from "../renderer/hooks";
import { StatusTracker } from "../renderer/status";
import type { ComponentProps } from "../renderer/types";
import "./row.css";

export function Row({ id, props, children, root, status, store }: ComponentProps) {
  const style: Record<string, string | undefined> = {
    ...root.style,
    height: cssSize(props.height),
    maxHeight: cssSize(props.max_height),
    minHeight: cssSize(props.min_height),
  };
  return (
    <div
      id={root.id}
      class={cx(
        "row",
        props.equal_height ? "stretch" : "unequal-height",
        props.variant === "panel" && "panel",
        props.variant === "compact" && "compact",
        root.className,
      )}
      style={style}
    >
      {props.show_progress ? <StatusTracker status={status} store={store} id={id} /> : null}
      {children}
    </div>
  );
}

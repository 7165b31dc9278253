// gr.Sidebar: a panel fixed to the left or right edge with a toggle button (aria-label "Toggle Sidebar",
// as in Gradio). `open` lives in the store's props, so updates and clicks both change it. Wide screens
// make room for it beside the app; on phones it overlays the page at full width.

import { useLayoutEffect } from "preact/hooks";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import "./column.css";
import "./sidebar.css";

export function Sidebar({ id, props, children, root, store, trigger }: ComponentProps) {
  const open = props.open !== false;
  const right = props.position === "right";
  const width = cssSize(props.width) ?? "320px";
  // The app container leaves room for an open sidebar (sidebar.css: .has-sidebar-left/right).
  useLayoutEffect(() => {
    const app = document.querySelector<HTMLElement>(".gradio-container");
    if (!app) return;
    const side = right ? "right" : "left";
    app.style.setProperty(`--sidebar-${side}-width`, width);
    app.classList.toggle(`has-sidebar-${side}`, open && props.visible !== false);
    return () => app.classList.remove(`has-sidebar-${side}`);
  }, [open, right, width, props.visible]);
  return (
    <div
      id={root.id}
      class={cx("sidebar", open && "open", right && "right", root.className)}
      style={{ ...root.style, width, [right ? "right" : "left"]: `calc(${width} * -1)` }}
      data-testid="sidebar"
    >
      <button
        type="button"
        class="toggle-button"
        aria-label="Toggle Sidebar"
        aria-expanded={open}
        onClick={() => {
          store.applyUpdate({ id, props: { open: !open } });
          trigger(open ? "collapse" : "expand");
        }}
      >
        <span class="chevron" aria-hidden="true" />
      </button>
      <div class="sidebar-content column gap" inert={!open} aria-hidden={!open}>
        {props.label ? <div class="sidebar-label">{props.label}</div> : null}
        {children}
      </div>
    </div>
  );
}

// One page of a multipage app (demo.route): its blocks are on the page only while the URL hash names it, as
// in Gradio, where each page is a page of its own (Gradio's tests count a page's textboxes: the others' must not
// be there). Their values live in the store, so they survive navigation. Opening it fires its load listeners
// (page.load), as a page load does in Gradio.

import { useContext, useEffect } from "preact/hooks";
import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { CurrentPage } from "../blocks";
import "./column.css";

export function Route({ props, children, root, trigger }: ComponentProps) {
  const open = useContext(CurrentPage) === props.path;
  useEffect(() => {
    if (open) trigger("load");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return (
    <div id={root.id} class={cx("wb-page", "column", "gap", root.className)} hidden={!open} data-page={props.path}>
      {open ? children : null}
    </div>
  );
}

// One page of a multipage app (demo.route): mounted always, so its values survive navigation; shown only
// while the URL hash names it.

import { useContext } from "preact/hooks";
import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { CurrentPage } from "../blocks";
import "./column.css";

export function Route({ props, children, root }: ComponentProps) {
  const current = useContext(CurrentPage);
  return (
    <div id={root.id} class={cx("wb-page", "column", "gap", root.className)} hidden={current !== props.path} data-page={props.path}>
      {children}
    </div>
  );
}

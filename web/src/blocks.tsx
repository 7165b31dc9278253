// The root gr.Blocks: a column of its children. With pages (demo.route), a navbar (blocks-navbar.tsx) and one
// page at a time (the others' blocks are not on the page; their values stay in the store), chosen by the URL
// hash (#/second-page) so multipage apps work on static hosts.

import { createContext, toChildArray } from "preact";
import { Navbar, useHashPath, type Page } from "./blocks-navbar";
import { cx } from "./renderer/hooks";
import { str } from "./renderer/props";
import type { ComponentProps } from "./renderer/types";
import "./layouts/column.css";
import "./blocks.css";

/** The open page's path ("" = the main page); Route panels mount their children only when it is theirs. */
export const CurrentPage = createContext<string>("");

export function Blocks({ id, children, childIds, root, props, store }: ComponentProps) {
  const path = useHashPath();
  const routes = childIds.map((cid) => store.get(cid)).filter((s) => s?.type === "route");
  const rootClass = cx("wb-root", "column", "gap", props.fill_height && "fill", root.className);
  if (!routes.length) {
    return (
      <div id={root.id} class={rootClass} style={root.style}>
        {children}
      </div>
    );
  }
  const known = routes.some((r) => r!.props.path === path);
  const current = known ? path : "";
  const items = toChildArray(children);
  const isRoute = (i: number) => store.get(childIds[i] ?? -1)?.type === "route";
  const main = items.filter((_, i) => !isRoute(i));
  const pagePanels = items.filter((_, i) => isRoute(i));
  const pages: Page[] = [
    ["", "Home", true],
    ...routes.map((r): Page => [str(r!.props.path, ""), str(r!.props.name, ""), r!.props.show_in_navbar !== false]),
  ];
  const pageId = routes.find((r) => r!.props.path === current)?.id ?? id;
  return (
    <div id={root.id} class={rootClass} style={root.style}>
      <Navbar store={store} pages={pages} pageId={pageId} current={current} />
      <div class="wb-page column gap" hidden={current !== ""} data-page="">
        {current === "" ? main : null}
      </div>
      <CurrentPage.Provider value={current}>{pagePanels}</CurrentPage.Provider>
    </div>
  );
}

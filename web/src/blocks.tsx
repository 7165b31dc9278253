// The root gr.Blocks: a column of its children. With pages (demo.route), a navbar and one page at a time,
// chosen by the URL hash (#/second-page) so multipage apps work on static hosts.

import { createContext, toChildArray } from "preact";
import { useEffect, useState } from "preact/hooks";
import { cx } from "./renderer/hooks";
import { str } from "./renderer/props";
import type { ComponentProps } from "./renderer/types";
import "./layouts/column.css";
import "./blocks.css";

/** The open page's path ("" = the main page); Route panels show themselves when it is theirs. */
export const CurrentPage = createContext<string>("");

function hashPath(): string {
  return decodeURIComponent(location.hash.replace(/^#\/?/, "")).replace(/\/+$/, "");
}

function useHashPath(): string {
  const [path, setPath] = useState(hashPath);
  useEffect(() => {
    const onChange = (): void => setPath(hashPath());
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return path;
}

export function Blocks({ children, childIds, root, props, store }: ComponentProps) {
  const path = useHashPath();
  const routes = childIds.map((id) => store.get(id)).filter((s) => s?.type === "route");
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
  const pages = items.filter((_, i) => isRoute(i));
  const links = [
    { path: "", name: "Home" },
    ...routes
      .filter((r) => r!.props.show_in_navbar !== false)
      .map((r) => ({ path: str(r!.props.path, ""), name: str(r!.props.name, "") })),
  ];
  return (
    <div id={root.id} class={rootClass} style={root.style}>
      <nav class="wb-navbar" aria-label="Pages">
        {links.map((link) => (
          <a key={link.path} href={`#/${link.path}`} aria-current={link.path === current ? "page" : undefined}>
            {link.name}
          </a>
        ))}
      </nav>
      <div class="wb-page column gap" hidden={current !== ""} data-page="">
        {main}
      </div>
      <CurrentPage.Provider value={current}>{pages}</CurrentPage.Provider>
    </div>
  );
}

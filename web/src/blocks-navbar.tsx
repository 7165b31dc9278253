// The navbar of a multipage app (demo.route): which links it shows (Gradio's rules, including a gr.Navbar on
// the open page), where they point under hash routing, and navigating without reloading the app.

import { useEffect, useLayoutEffect, useReducer, useState } from "preact/hooks";
import type { AppStore } from "./client/store";
import { list, str } from "./renderer/props";

/** A page of the app: [path, name, show_in_navbar]; the main page is ["", "Home", true]. */
export type Page = [string, string, boolean];

interface NavbarSettings {
  visible: boolean;
  main_page_name: string | false;
  value: [string, string][] | null;
}

const NAVIGATE = "wasmblocks:navigate";

function hashPath(): string {
  return normalizePath(decodeURIComponent(location.hash.replace(/^#/, "")));
}

/** "/second/?a=1" → "second": the page part of a route, as Gradio compares them. */
function normalizePath(route: string): string {
  return (route.split(/[?#]/, 1)[0] ?? "").replace(/^\/+|\/+$/g, "");
}

function isExternal(route: string): boolean {
  return /^https?:\/\//i.test(route);
}

/** The open page's path, following the hash, Back/Forward and in-app navigation. */
export function useHashPath(): string {
  const [path, setPath] = useState(hashPath);
  useEffect(() => {
    const onChange = (): void => setPath(hashPath());
    addEventListener("hashchange", onChange);
    addEventListener("popstate", onChange);
    addEventListener(NAVIGATE, onChange);
    return () => {
      removeEventListener("hashchange", onChange);
      removeEventListener("popstate", onChange);
      removeEventListener(NAVIGATE, onChange);
    };
  }, []);
  return path;
}

/**
 * Where an in-app route ("second", "second?option=a", "") points: the page in the hash, so static hosts serve
 * it; a query in the route replaces the page's query string (gr.Request.query_params reads it), else the
 * query string stays.
 */
function routeUrl(route: string): string {
  const url = new URL(location.href);
  const q = route.indexOf("?");
  if (q >= 0) url.search = route.slice(q + 1).split("#", 1)[0] ?? "";
  url.hash = `#/${normalizePath(route)}`;
  return url.href;
}

function navigate(event: MouseEvent, href: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  // A changed query string would reload the app (and restart Python): move in the page's history instead.
  event.preventDefault();
  if (href !== location.href) history.pushState(null, "", href);
  dispatchEvent(new Event(NAVIGATE));
}

/** gr.Navbar's value: [name, route] pairs (Python sends them as lists), anything else dropped. */
function linkPairs(value: unknown[]): [string, string][] {
  return value.flatMap((pair): [string, string][] => {
    const [name, route] = list(pair);
    return typeof name === "string" && typeof route === "string" ? [[name, route]] : [];
  });
}

/** The gr.Navbar on a page (the main page: the app's blocks outside its routes), if it has one. */
function navbarOn(store: AppStore, pageId: number): number | null {
  const walk = (id: number): number | null => {
    for (const child of store.get(id)?.children ?? []) {
      const state = store.get(child);
      if (!state || state.type === "route") continue;
      if (state.type === "navbar") return child;
      const inner = walk(child);
      if (inner !== null) return inner;
    }
    return null;
  };
  return walk(pageId);
}

/** Gradio's navbar links: pages shown in it (the main one renamed or left out), then gr.Navbar's extra links. */
function links(pages: Page[], navbar: NavbarSettings | null): [string, string][] {
  const listed = pages.filter(([route, , show], i) => (i === 0 && route === "" ? navbar?.main_page_name !== false : show !== false));
  const base = listed.map(([route, name], i): [string, string] =>
    i === 0 && route === "" && typeof navbar?.main_page_name === "string" ? [route, navbar.main_page_name] : [route, name],
  );
  const known = new Set(base.map(([route]) => route));
  const extra = (navbar?.value ?? []).map(([name, route]): [string, string] => [route, name]).filter(([route]) => !known.has(route));
  return [...base, ...extra];
}

export function Navbar({ store, pages, pageId, current }: { store: AppStore; pages: Page[]; pageId: number; current: string }) {
  const navbarId = navbarOn(store, pageId);
  const [, force] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    if (navbarId === null) return;
    const off = store.subscribe(navbarId, () => force(0));
    return () => {
      off();
    };
  }, [store, navbarId]);
  const state = navbarId === null ? null : store.get(navbarId);
  const navbar: NavbarSettings | null = state
    ? {
        visible: state.props.visible !== false && state.props.visible !== "hidden",
        main_page_name: state.props.main_page_name === false ? false : str(state.props.main_page_name, "Home"),
        value: Array.isArray(state.value) ? linkPairs(state.value) : null,
      }
    : null;
  // Gradio shows a navbar only in an app with more than one page.
  if (pages.length < 2 || navbar?.visible === false) return null;
  return (
    <nav class="wb-navbar" aria-label="Pages">
      {links(pages, navbar).map(([route, name], i) => {
        if (isExternal(route)) {
          return (
            <a key={i} href={route} target="_blank" rel="noopener noreferrer">
              {name}
            </a>
          );
        }
        // The href is for hovering and opening in a new tab; a click reads the URL afresh (an app's js may
        // have changed the query string since this was drawn).
        return (
          <a key={i} href={routeUrl(route)} aria-current={normalizePath(route) === current ? "page" : undefined} onClick={(e) => navigate(e, routeUrl(route))}>
            {name}
          </a>
        );
      })}
    </nav>
  );
}

// gr.Tabs / gr.Tab: role=tablist of role=tab buttons (aria-selected), one role=tabpanel per Tab.
// As on Gradio, a Tab's content is drawn the first time it is opened (render_children=True: at once), then
// stays mounted (hidden) while another is open; values live in the store, so none is lost meanwhile.

import { createContext } from "preact";
import { useContext, useEffect, useLayoutEffect, useReducer, useRef, useState } from "preact/hooks";
import type { AppStore, ComponentState } from "../client/store";
import { cssSize, cx, domId } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { str } from "../renderer/props";
import "./column.css";
import "./tabs.css";

const SelectedTab = createContext<number | null>(null);

function elemIdOf(store: AppStore, t: ComponentState): string {
  return str(t.props.elem_id) || domId(store, t.id);
}

function usable(t: ComponentState): boolean {
  return t.props.visible !== false && t.props.interactive !== false;
}

export function Tabs({ id, props, childIds, children, root, store, trigger }: ComponentProps) {
  // The tab bar shows the children's labels: follow their props too.
  const [, force] = useReducer((n: number) => n + 1, 0);
  const key = childIds.join(",");
  useLayoutEffect(() => {
    const offs = childIds.map((cid) => store.subscribe(cid, () => force(0)));
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);
  const tabs = childIds
    .map((cid) => store.get(cid))
    .filter((s): s is ComponentState => s?.type === "tab");

  const resolve = (sel: unknown): number | null => {
    if (sel === null || sel === undefined) return null;
    const byId = tabs.find((t) => t.props.id !== null && t.props.id !== undefined && t.props.id === sel);
    if (byId) return byId.id;
    if (typeof sel === "number" && Number.isInteger(sel)) return tabs[sel]?.id ?? null;
    return null;
  };

  // `selected` lives in the store's props (like Gradio's bound prop): a click writes it, updates overwrite it.
  const selected = resolve(props.selected);
  const lastProp = useRef(props.selected);
  useEffect(() => {
    if (props.selected === lastProp.current) return;
    lastProp.current = props.selected;
    if (resolve(props.selected) !== null) trigger("change");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.selected]);

  const current = tabs.find((t) => t.id === selected && t.props.visible !== false)
    ? selected
    : (tabs.find(usable) ?? tabs.find((t) => t.props.visible !== false))?.id ?? null;

  // alignment="right" tabs sit together at the right end of the bar, in their own order (Gradio).
  const visibleTabs = tabs.filter((t) => t.props.visible !== false);
  const shown = [...visibleTabs.filter((t) => t.props.alignment !== "right"), ...visibleTabs.filter((t) => t.props.alignment === "right")];
  const firstRight = shown.findIndex((t) => t.props.alignment === "right");
  const menu = props.overflow_behavior !== "wrap";
  // Right-aligned tabs never go in the menu: the left ones make room for them.
  const pinned = firstRight < 0 ? 0 : shown.length - firstRight;
  const { bar, split, menuOpen, setMenuOpen } = useOverflow(menu, pinned, shown.map((t) => `${t.id}:${String(t.props.label ?? "")}`).join("\u0000"));

  const choose = (t: ComponentState) => {
    if (t.id === current) return;
    const index = tabs.indexOf(t);
    const sel = t.props.id ?? index;
    lastProp.current = sel;
    store.applyUpdate({ id, props: { selected: sel } });
    trigger("change");
    const data = { index, value: t.props.label ?? "", selected: true };
    store.trigger(t.id, "select", data);
    trigger("select", data);
  };
  const inMenu = menu ? shown.slice(split, shown.length - pinned) : [];

  return (
    <div id={root.id} class={cx("tabs", root.className)} style={root.style}>
      <div class="tab-wrapper">
        <div class={cx("tab-container", menu ? "menu" : "wrap")} role="tablist" ref={bar}>
          {shown.map((t, pos) => {
            const isSel = t.id === current;
            const elemId = elemIdOf(store, t);
            const label = t.props.label ?? "";
            return (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`${elemId}-button`}
                class={cx(isSel && "selected", pos === firstRight && "first-right")}
                hidden={menu && pos >= split && pos < shown.length - pinned}
                aria-selected={isSel}
                aria-controls={elemId}
                tabIndex={isSel ? 0 : -1}
                disabled={t.props.interactive === false}
                aria-disabled={t.props.interactive === false}
                data-tab-id={t.props.id ?? t.id}
                onClick={() => choose(t)}
                onKeyDown={(e) => {
                  if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
                  const list = shown.filter(usable);
                  const at = list.indexOf(t);
                  const next = list[(at + (e.key === "ArrowRight" ? 1 : list.length - 1)) % list.length];
                  if (next) choose(next);
                  const btn = next && document.getElementById(`${elemIdOf(store, next)}-button`);
                  btn?.focus();
                }}
              >
                {label}
              </button>
            );
          })}
        </div>
        {inMenu.length ? (
          // overflow_behavior="menu" (Gradio's default): the tabs that do not fit, behind "More tabs".
          <span class="overflow-menu">
            <button
              type="button"
              aria-label="More tabs"
              aria-expanded={menuOpen}
              class={cx(inMenu.some((t) => t.id === current) && "overflow-item-selected")}
              onClick={() => setMenuOpen(!menuOpen)}
            >
              ⋯
            </button>
            {menuOpen ? (
              <div class="overflow-dropdown">
                {inMenu.map((t) => (
                  <button
                    key={t.id}
                    type="button"
                    class={cx(t.id === current && "selected")}
                    disabled={t.props.interactive === false}
                    onClick={() => {
                      setMenuOpen(false);
                      choose(t);
                    }}
                  >
                    {t.props.label ?? ""}
                  </button>
                ))}
              </div>
            ) : null}
          </span>
        ) : null}
      </div>
      <SelectedTab.Provider value={current}>{children}</SelectedTab.Provider>
    </div>
  );
}

const MORE_BUTTON_PX = 40;

/**
 * Which tab buttons fit the bar: `split` is the index of the first that does not (the rest go in the menu).
 * The buttons' widths are measured with all of them shown, each time the tabs change; a resize only re-fits.
 */
function useOverflow(menu: boolean, pinned: number, tabsKey: string) {
  const bar = useRef<HTMLDivElement>(null);
  const widths = useRef<number[] | null>(null);
  const [split, setSplit] = useState(Infinity);
  const [menuOpen, setMenuOpen] = useState(false);
  const fit = () => {
    const el = bar.current;
    if (!el || !widths.current) return;
    const free = widths.current.slice(0, widths.current.length - pinned);
    const reserved = widths.current.slice(free.length).reduce((a, b) => a + b, 0);
    const room = el.clientWidth - reserved;
    const total = free.reduce((a, b) => a + b, 0);
    if (total <= room + 1) return setSplit(Infinity);
    let used = 0;
    let i = 0;
    for (; i < free.length; i++) {
      const w = free[i] ?? 0;
      if (used + w > room - MORE_BUTTON_PX) break;
      used += w;
    }
    setSplit(Math.max(1, i));
  };
  useLayoutEffect(() => {
    widths.current = null;
    setSplit(Infinity); // show every button, to measure them below
  }, [tabsKey, menu, pinned]);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!menu || !el || widths.current || split !== Infinity) return;
    widths.current = Array.from(el.querySelectorAll<HTMLElement>(":scope > [role=tab]")).map((b) => b.getBoundingClientRect().width);
    fit();
  });
  useEffect(() => {
    const el = bar.current;
    if (!menu || !el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => fit());
    observer.observe(el);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [menu]);
  return { bar, split, menuOpen, setMenuOpen };
}

// No aria-labelledby, as on Gradio: a labelled panel would answer getByLabel() for any label it contains
// as a substring (a tab "Invisible Textbox Demo" matched getByLabel("Visible Textbox") in Gradio's tests).
export function Tab({ id, props, children, root }: ComponentProps) {
  const selected = useContext(SelectedTab) === id;
  const opened = useRef(false);
  if (selected || props.render_children === true) opened.current = true;
  // height / max_height: the panel's content scrolls past them (Gradio's Tab).
  const height = cssSize(props.height);
  const maxHeight = cssSize(props.max_height);
  const style = height || maxHeight ? { ...root.style, height, maxHeight, overflowY: "auto" } : root.style;
  return (
    <div
      id={root.id}
      class={cx("tabitem", "column", "gap", root.className)}
      role="tabpanel"
      hidden={!selected}
      style={style}
    >
      {opened.current ? children : null}
    </div>
  );
}

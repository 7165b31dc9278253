// Small hooks shared by the renderer and components.

import { useLayoutEffect, useReducer } from "preact/hooks";
import type { AppStore } from "../client/store";

/** Re-render the calling component whenever block `id` changes in the store (value, props or status). */
export function useSubscription(store: AppStore, id: number): void {
  const [, force] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const off = store.subscribe(id, () => force(0));
    return () => {
      off();
    };
  }, [store, id]);
}

/** Re-render on app-wide changes (toasts). */
export function useGlobalSubscription(store: AppStore): void {
  const [, force] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const off = store.subscribeAll(() => force(0));
    return () => {
      off();
    };
  }, [store]);
}

/**
 * The DOM id of block `id` (or of a part of it: "input", "title", …), as Gradio names them
 * (component-3, component-3-input), behind the app's prefix: several apps embedded in one page render the
 * same block ids, and a <label for> must name its own app's input.
 */
export function domId(store: AppStore, id: number, part?: string): string {
  return `${store.idPrefix}component-${id}${part ? `-${part}` : ""}`;
}

/** A size prop as CSS: a number is pixels, a string is used as it is; anything else is no size. */
export function cssSize(v: unknown): string | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? `${v}px` : undefined;
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** Class names: the non-empty strings among `parts` (so `cond && "name"` works), joined. */
export function cx(...parts: unknown[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join(" ");
}

/** Put `text` in the <style id=…> of document.head (made on first use), or remove it when text is null. */
export function setStyleTag(id: string, text: string | null): void {
  let tag = document.getElementById(id) as HTMLStyleElement | null;
  if (text === null) {
    tag?.remove();
    return;
  }
  if (!tag) {
    tag = document.createElement("style");
    tag.id = id;
    document.head.appendChild(tag);
  }
  tag.textContent = text;
}

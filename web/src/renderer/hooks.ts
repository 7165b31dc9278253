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

let uid = 0;
/** A page-unique DOM id prefix for labels (for= / aria-labelledby). */
export function nextDomId(prefix: string): string {
  uid += 1;
  return `wb-${prefix}-${uid}`;
}

export function cssSize(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  return typeof v === "number" ? `${v}px` : v;
}

export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
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

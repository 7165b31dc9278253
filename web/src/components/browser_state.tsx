// gr.BrowserState: the value lives in localStorage under storage_key, so it survives a reload.

import { useEffect, useRef } from "preact/hooks";
import type { ComponentProps } from "../renderer/types";

function read(key: string): { found: boolean; value: unknown } {
  try {
    const text = localStorage.getItem(key);
    return text === null ? { found: false, value: null } : { found: true, value: JSON.parse(text) };
  } catch {
    return { found: false, value: null }; // storage blocked (opaque origin) or corrupt: keep the default
  }
}

export function BrowserState({ id, value, props, store }: ComponentProps) {
  const key = String(props.storage_key);
  const restored = useRef(false);
  if (!restored.current) {
    // During the first render, not in an effect: load listeners fire right after mounting and must
    // already see the saved value. Set directly, so no `change` fires (the user changed nothing).
    restored.current = true;
    const saved = read(key);
    const state = store.get(id);
    if (saved.found && state) state.value = value = saved.value;
  }
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value ?? null));
    } catch {
      /* storage unavailable: the value still lives for this page */
    }
  }, [key, value]);
  return null;
}

// gr.Timer: no UI, a clock that fires `tick` every `value` seconds while `active` (both updatable).

import { useEffect } from "preact/hooks";
import type { ComponentProps } from "../renderer/types";

export function Timer({ value, props, trigger }: ComponentProps) {
  const seconds = Number(value);
  const active = props.active !== false && seconds > 0;
  useEffect(() => {
    if (!active) return;
    const handle = setInterval(() => trigger("tick"), seconds * 1000);
    return () => clearInterval(handle);
  }, [active, seconds, trigger]);
  return null;
}

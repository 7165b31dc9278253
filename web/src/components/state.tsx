// gr.State: lives in the worker; nothing to show.

import type { ComponentProps } from "../renderer/types";

export function State(_: ComponentProps) {
  return null;
}

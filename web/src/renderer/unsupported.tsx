import type { ComponentProps } from "./types";
import "./unsupported.css";

/** Shown for a block type the renderer does not know, instead of crashing the page. */
export function Unsupported({ type, children }: ComponentProps) {
  return (
    <div class="wb-unsupported" role="note" data-testid="unsupported-component">
      Unsupported component: {type}
      {children}
    </div>
  );
}

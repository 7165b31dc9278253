// The contract between the renderer and the per-type components in web/src/components/.

import type { ComponentChildren, FunctionComponent } from "preact";
import type { AppStore, OutputStatus } from "../client/store";
import type { Props } from "./props";

/** Attributes for a component's outermost element; used by components that draw their own root ("bare"). */
export interface RootAttrs {
  /** props.elem_id, or "component-<id>" like Gradio. */
  id: string;
  /** props.elem_classes joined. */
  className: string;
  /** visible="hidden", scale and min_width as inline styles. */
  style: Record<string, string>;
}

export interface ComponentProps {
  id: number;
  type: string;
  /** Python's props for this block (JSON): read them with renderer/props.ts. */
  props: Props;
  /** The block's value (JSON, or FileData with a URL): a component checks its shape before use. */
  value: unknown;
  /** A user edit: store.setValue(id, v, true). */
  setValue(v: unknown): void;
  /** store.trigger(id, event, data). */
  trigger(event: string, data?: unknown): void;
  /** Rendered child blocks (layouts). */
  children: ComponentChildren;
  childIds: number[];
  status: OutputStatus | undefined;
  store: AppStore;
  /** Root element attributes (id/classes/flex styles). The wrapper applies them itself for "block" components. */
  root: RootAttrs;
}

export type BlockComponent = FunctionComponent<ComponentProps>;

/**
 * How the wrapper (block.tsx) frames a component:
 * - "block": inside a Gradio-style `.block` box (border, padding, status overlay), which carries id/classes.
 * - "bare": the component draws its own root element with `root` (buttons and layouts, as in Gradio).
 * - "none": nothing is rendered (gr.State).
 * - "headless": always mounted, even when invisible, with no wrapper: for components that only
 *   have behaviour (gr.Timer's clock, gr.BrowserState's storage).
 */
export type BlockKind = "block" | "bare" | "none" | "headless";

export interface RegistryEntry {
  component: BlockComponent;
  kind: BlockKind;
  /** "block" kind: render the box without border/padding whatever props.container says (Markdown, HTML). */
  noContainer?: boolean;
  /** A component whose code loads on first use (renderer/lazy.tsx): start fetching it. */
  preload?: () => Promise<void>;
}

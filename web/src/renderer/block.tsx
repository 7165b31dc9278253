// The wrapper around every block: subscribes to its own id, applies the props every component shares
// (visible, elem_id, elem_classes, scale, min_width, container) and draws the status overlay.

import { memo } from "preact/compat";
import { useCallback, useMemo } from "preact/hooks";
import type { AppStore } from "../client/store";
import { lookup } from "./registry";
import { StatusTracker } from "./status";
import { withForms } from "./form";
import { cx, domId, useSubscription } from "./hooks";
import { str, type Props } from "./props";
import type { RootAttrs } from "./types";
import "./block.css";

interface BlockProps {
  id: number;
  store: AppStore;
}

function rootAttrs(store: AppStore, id: number, props: Props): RootAttrs {
  const style: Record<string, string> = {};
  if (typeof props.scale === "number") style.flexGrow = String(props.scale);
  if (typeof props.min_width === "number") style.minWidth = `min(${props.min_width}px, 100%)`;
  const own = Array.isArray(props.elem_classes) ? cx(...props.elem_classes) : str(props.elem_classes, "");
  // visible="hidden": mounted (value and events kept) but takes no room, as Gradio's `.hidden` block.
  const classes = cx(own, props.visible === "hidden" && "wb-hidden");
  return { id: str(props.elem_id) || domId(store, id), className: classes, style };
}

function BlockImpl({ id, store }: BlockProps) {
  useSubscription(store, id);
  const setValue = useCallback((v: unknown) => store.setValue(id, v, true), [store, id]);
  const trigger = useCallback((event: string, data?: unknown) => store.trigger(id, event, data), [store, id]);
  const state = store.get(id);
  const childIds = state?.children ?? [];
  // Children are memoised Blocks: they re-render only through their own subscription.
  const children = useMemo(
    () => withForms(store, id, childIds, childIds.map((cid) => <Block key={cid} id={cid} store={store} />)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, childIds.join(",")],
  );
  if (!state) return null;
  const { type, props, value } = state;
  const entry = lookup(type);
  if (entry.kind === "none" || (props.visible === false && entry.kind !== "headless")) return null;
  const root = rootAttrs(store, id, props);
  const status = store.statuses.get(id);
  const Component = entry.component;
  const inner = (
    <Component
      id={id}
      type={type}
      props={props}
      value={value}
      setValue={setValue}
      trigger={trigger}
      childIds={childIds}
      status={status}
      store={store}
      root={root}
    >
      {children}
    </Component>
  );
  if (entry.kind === "bare" || entry.kind === "headless") return inner;
  const container = !entry.noContainer && props.container !== false;
  return (
    <div
      id={root.id}
      class={cx("block", `wb-${type}-block`, container ? "padded" : "hide-container", root.className)}
      style={root.style}
      data-block-id={id}
    >
      <StatusTracker status={status} store={store} id={id} />
      <ValidationError message={props.validation_error} />
      {inner}
    </div>
  );
}

/** A listener's validator= refused this input's value: its message (Gradio's `.validation-error`). */
function ValidationError({ message }: { message: unknown }) {
  if (typeof message !== "string" || !message) return null;
  return (
    <div class="validation-error" role="alert" data-testid="validation-error">
      {message}
    </div>
  );
}

export const Block = memo(BlockImpl);

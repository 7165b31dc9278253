// gr.JSON: a collapsible tree (data-testid="json" on the block, label included, as Gradio's Block carries it).
// The text follows Gradio's JSONNode markup word for word — `"key": value ,` with the toggle's arrow drawn by
// CSS, not text — because users' tests compare the block's whole text (Gradio's blocks_xray spec does).
// Nodes start collapsed from depth 3 (Gradio's `depth >= 3`), or never when `open`; a collapsed node's
// children stay in the DOM, hidden, so the text is the same either way, as on Gradio.

import { useState } from "preact/hooks";
import { BlockLabel } from "../renderer/atoms";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { CopyButton, CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./json.css";

const COLLAPSE_FROM_DEPTH = 3;

function Leaf({ value }: { value: unknown }) {
  if (value === null) return <span class="json-value json-null">null</span>;
  if (typeof value === "string") return <span class="json-value json-string">"{value}"</span>;
  if (typeof value === "number") return <span class="json-value json-number">{String(value)}</span>;
  if (typeof value === "boolean") return <span class="json-value json-bool">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

function preview(value: object): string {
  return Array.isArray(value) ? `Array(${value.length})` : `Object(${Object.keys(value).length})`;
}

type NodeProps = { name: string | null; value: unknown; depth: number; open: boolean; last: boolean; showIndices: boolean };

function Node({ name, value, depth, open, last, showIndices }: NodeProps) {
  const [collapsed, setCollapsed] = useState(!open && depth >= COLLAPSE_FROM_DEPTH);
  const indent = { paddingLeft: `${depth * 16}px` };
  const key = name !== null ? (
    <>
      <span class="json-key">"{name}"</span>
      <span class="json-punct">:</span>
    </>
  ) : null;
  const comma = <span class="json-punct">,</span>;
  if (value === null || typeof value !== "object") {
    return (
      <div class="json-line" style={indent}>
        {" "}{key}{" "}<Leaf value={value} />{" "}{last ? null : comma}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [openBr, closeBr] = isArray ? ["[", "]"] : ["{", "}"];
  const toggle = () => setCollapsed(!collapsed);
  return (
    <div class="json-node">
      <div class="json-line" style={indent}>
        <button type="button" class="json-toggle" data-arrow={collapsed ? "▶" : "▼"} aria-expanded={!collapsed} aria-label={collapsed ? "Expand" : "Collapse"} onClick={toggle} />
        {" "}{key}{" "}<span class="json-punct json-bracket">{openBr}</span>{" "}
        {collapsed ? (
          <>
            <button type="button" class="json-preview" onClick={toggle}>{preview(value)}</button>{" "}
            <span class="json-punct json-bracket">{closeBr}</span>{" "}
            {last ? null : comma}
          </>
        ) : null}
      </div>
      {/* Collapsed children stay in the DOM, hidden, as Gradio keeps them: the block's text includes them. */}
      <div class="json-children" hidden={collapsed}>
        {entries.map(([k, v], i) => (
          <Node key={k} name={isArray && !showIndices ? null : k} value={v} depth={depth + 1} open={open} last={i === entries.length - 1} showIndices={showIndices} />
        ))}{" "}
        <div class="json-line" style={indent}>
          <span class="json-punct json-bracket">{closeBr}</span>{" "}
          {last ? null : comma}{" "}
        </div>
      </div>
    </div>
  );
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === "" || value === '""') return true;
  return typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
}

export function JSONView({ props, value, store }: ComponentProps) {
  const buttons = readButtons(props.buttons);
  const label = typeof props.label === "string" && props.label ? props.label : null;
  // Re-mount the tree when the value changes, so `open` and the depth rule apply to the new value.
  const stamp = JSON.stringify(value ?? null).length + ":" + String(props.open);
  return (
    <div class="wb-json" data-testid="json">
      {label !== null ? <BlockLabel show={props.show_label !== false} label={label} /> : null}
      {!isEmpty(value) ? (
        <CornerButtons buttons={buttons} store={store}>
          {buttons.has("copy") ? <CopyButton text={() => JSON.stringify(value, null, 2)} /> : null}
        </CornerButtons>
      ) : null}
      <div class={cx("json-holder")} style={{ height: cssSize(props.height), maxHeight: cssSize(props.max_height), minHeight: cssSize(props.min_height) }}>
        {isEmpty(value) ? <div class="json-empty" /> : <Node key={stamp} name={null} value={value} depth={0} open={!!props.open} last showIndices={!!props.show_indices} />}
      </div>
    </div>
  );
}

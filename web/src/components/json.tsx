// gr.JSON: a collapsible tree (data-testid="json"); `open` expands every level, otherwise the first level.

import { useState } from "preact/hooks";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import "./json.css";

function Leaf({ value }: { value: unknown }) {
  if (value === null) return <span class="json-null">null</span>;
  if (typeof value === "string") return <span class="json-string">"{value}"</span>;
  if (typeof value === "number") return <span class="json-number">{String(value)}</span>;
  if (typeof value === "boolean") return <span class="json-bool">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

function Node({ name, value, depth, open, last, showIndices }: { name: string | null; value: unknown; depth: number; open: boolean; last: boolean; showIndices: boolean }) {
  const [expanded, setExpanded] = useState(open || depth < 1);
  const key = name !== null ? <span class="json-key">{name}: </span> : null;
  const comma = last ? null : <span class="json-punct">,</span>;
  if (value === null || typeof value !== "object") {
    return (
      <div class="json-line" style={{ paddingLeft: `${depth * 16}px` }}>
        {key}
        <Leaf value={value} />
        {comma}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [openBr, closeBr] = isArray ? ["[", "]"] : ["{", "}"];
  return (
    <div class="json-node">
      <div class="json-line" style={{ paddingLeft: `${depth * 16}px` }}>
        <button
          type="button"
          class="json-toggle"
          aria-expanded={expanded}
          aria-label={expanded ? "Collapse" : "Expand"}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? "▼" : "▶"}
        </button>
        {key}
        <span class="json-punct">{openBr}</span>
        {expanded ? null : (
          <>
            <span class="json-preview">{entries.length} {entries.length === 1 ? "item" : "items"}</span>
            <span class="json-punct">{closeBr}</span>
            {comma}
          </>
        )}
      </div>
      {expanded ? (
        <>
          {entries.map(([k, v], i) => (
            <Node key={k} name={isArray ? (showIndices ? k : null) : JSON.stringify(k)} value={v} depth={depth + 1} open={open} last={i === entries.length - 1} showIndices={showIndices} />
          ))}
          <div class="json-line" style={{ paddingLeft: `${depth * 16}px` }}>
            <span class="json-punct">{closeBr}</span>
            {comma}
          </div>
        </>
      ) : null}
    </div>
  );
}

export function JSONView({ props, value }: ComponentProps) {
  const label = labelOf(props, "JSON");
  const empty = value === null || value === undefined || (typeof value === "object" && Object.keys(value).length === 0 && !Array.isArray(value));
  // Re-mount the tree when the value changes, so `open` applies to the new value.
  const stamp = JSON.stringify(value ?? null).length + ":" + String(props.open);
  return (
    <div class="wb-json">
      <BlockLabel show={props.show_label !== false} label={label} />
      <div
        class={cx("json-holder")}
        data-testid="json"
        style={{ height: cssSize(props.height), maxHeight: cssSize(props.max_height), minHeight: cssSize(props.min_height) }}
      >
        {empty ? <div class="json-empty">{value === null || value === undefined ? "" : "{}"}</div> : <Node key={stamp} name={null} value={value} depth={0} open={!!props.open} last showIndices={!!props.show_indices} />}
      </div>
    </div>
  );
}

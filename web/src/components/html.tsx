// gr.HTML: the app's HTML, sanitized by DOMPurify (scripts and event handlers removed), data-testid="html".

import DOMPurify from "dompurify";
import { useMemo } from "preact/hooks";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";

export function HTML({ props, value, trigger, status }: ComponentProps) {
  const raw = value === null || value === undefined ? "" : String(value);
  const html = useMemo(() => DOMPurify.sanitize(raw), [raw]);
  return (
    <div
      class={cx("prose", "gradio-html", "wb-html", props.padding !== false && "padding", status?.stage === "pending" && "pending")}
      data-testid="html"
      style={{ minHeight: cssSize(props.min_height), maxHeight: cssSize(props.max_height), overflowY: props.max_height != null ? "auto" : undefined }}
      onClick={() => trigger("click")}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

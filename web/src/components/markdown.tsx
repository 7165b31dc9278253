// gr.Markdown: GitHub-flavoured Markdown via `marked`, sanitized by DOMPurify unless sanitize_html=False.

import DOMPurify from "dompurify";
import { Marked } from "marked";
import { useMemo } from "preact/hooks";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";

const parsers = new Map<boolean, Marked>();
function parser(breaks: boolean): Marked {
  let m = parsers.get(breaks);
  if (!m) parsers.set(breaks, (m = new Marked({ gfm: true, breaks })));
  return m;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .replace(/\s+/g, "-") || "section"
  );
}

/** Links open in a new tab (Gradio does this); in-page anchors stay. Headers get ids/anchors if asked. */
function postProcess(html: string, headerLinks: boolean): string {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  tpl.content.querySelectorAll("a[href]").forEach((a) => {
    const href = a.getAttribute("href") || "";
    if (!href.startsWith("#")) {
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
    }
  });
  if (headerLinks) {
    const seen = new Map<string, number>();
    tpl.content.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach((h) => {
      let id = slug(h.textContent || "");
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      if (n) id = `${id}-${n}`;
      h.id = id;
      const a = document.createElement("a");
      a.className = "header-link";
      a.href = `#${id}`;
      a.setAttribute("aria-label", `Link to ${h.textContent ?? "section"}`);
      a.textContent = "#";
      h.appendChild(a);
    });
  }
  return tpl.innerHTML;
}

export function renderMarkdown(text: string, opts: { sanitize: boolean; breaks: boolean; headerLinks: boolean }): string {
  let html = parser(opts.breaks).parse(text, { async: false }) as string;
  if (opts.sanitize) html = DOMPurify.sanitize(html);
  return postProcess(html, opts.headerLinks);
}

export function Markdown({ props, value, status }: ComponentProps) {
  const text = value === null || value === undefined ? "" : String(value);
  const sanitize = props.sanitize_html !== false;
  const breaks = !!props.line_breaks;
  const headerLinks = !!props.header_links;
  const html = useMemo(() => renderMarkdown(text, { sanitize, breaks, headerLinks }), [text, sanitize, breaks, headerLinks]);
  const style: Record<string, string | undefined> = {
    height: cssSize(props.height),
    maxHeight: cssSize(props.max_height),
    minHeight: cssSize(props.min_height),
  };
  if (props.height != null || props.max_height != null) style.overflowY = "auto";
  return (
    <div
      class={cx("prose", "wb-markdown", status?.stage === "pending" && "pending")}
      data-testid="markdown"
      dir={props.rtl ? "rtl" : "ltr"}
      style={style}
    >
      {props.show_copy_button ? (
        <button
          type="button"
          class="wb-copy-button"
          aria-label="Copy"
          onClick={() => navigator.clipboard?.writeText(text).catch(() => {})}
        >
          ⧉
        </button>
      ) : null}
      <span class="md" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

// gr.ParamViewer: one <details> per parameter (Gradio's ParamViewer DOM: .header with .title and the
// .toggle-all button, .param-content, details.param > summary.type > pre > code "name: type", then
// .default and .description). Types and defaults are highlighted by highlight.js in the `language` asked
// for (loaded on first use; plain text until then), `linkify` words become #h-<word> links, descriptions
// go through the Markdown pipeline (sanitized, their styles kept inside this block), and anchor_links
// gives each parameter an id the page's #hash opens.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { CONTAIN_PAINT, useContentScope } from "../renderer/content-scope";
import { cssSize, cx } from "../renderer/hooks";
import { isRecord, str, strings } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import { renderMarkdown } from "./markdown";
import "./paramviewer.css";

interface Param {
  type?: string | null;
  description?: string | null;
  default?: string | null;
}

/** The value as Python sends it ({name: {type, description, default}}); entries of another shape are dropped. */
function paramDocs(value: unknown): Record<string, Param> {
  if (!isRecord(value)) return {};
  const docs: Record<string, Param> = {};
  for (const [name, p] of Object.entries(value)) {
    if (isRecord(p)) docs[name] = { type: str(p.type) ?? null, description: str(p.description) ?? null, default: str(p.default) ?? null };
  }
  return docs;
}

type Highlighter = (code: string, language: string) => string;

let highlighter: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

function loadHighlighter(): Promise<Highlighter> {
  loading ??= import("highlight.js/lib/common").then(({ default: hljs }) => {
    highlighter = (code, language) => hljs.highlight(code, { language, ignoreIllegals: true }).value;
    return highlighter;
  });
  return loading;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Wrap each `words` occurrence in the text of `html` in a link to #h-<word> (the page's section of it). */
function linkify(html: string, words: string[]): string {
  if (!words.length) return html;
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  const pattern = new RegExp(words.map(escapeRe).join("|"), "g");
  const walker = document.createTreeWalker(tpl.content, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const text of texts) {
    const parts: (string | Node)[] = [];
    let last = 0;
    for (const m of text.data.matchAll(pattern)) {
      parts.push(text.data.slice(last, m.index));
      const a = document.createElement("a");
      a.href = `#h-${m[0].toLowerCase()}`;
      a.textContent = m[0];
      parts.push(a);
      last = m.index! + m[0].length;
    }
    if (last) {
      parts.push(text.data.slice(last));
      text.replaceWith(...parts);
    }
  }
  return tpl.innerHTML;
}

/** Gradio's anchor ids: param-[prefix-]name, lower case, runs of other characters as "-". */
export function paramSlug(name: string, anchorLinks: string | boolean): string {
  const prefix = typeof anchorLinks === "string" ? `param-${anchorLinks}-` : "param-";
  return prefix + name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export function ParamViewer({ props, value, root }: ComponentProps) {
  const docs = paramDocs(value);
  const language = props.language === "typescript" ? "typescript" : "python";
  const words = strings(props.linkify) ?? [];
  const anchors = typeof props.anchor_links === "string" || props.anchor_links === true ? props.anchor_links : false;
  const [ready, setReady] = useState(highlighter !== null);
  const [allOpen, setAllOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const scope = useContentScope();

  useEffect(() => {
    let live = true;
    if (!ready) loadHighlighter().then(() => live && setReady(true), (err) => console.warn("wasmblocks: highlight.js failed", err));
    return () => void (live = false);
  }, []);

  const code = (text: string): string =>
    linkify(ready && highlighter ? highlighter(text, language) : escapeHtml(text), words);
  const params = useMemo(
    () =>
      Object.entries(docs).map(([name, p]) => ({
        name,
        type: p.type ? code(p.type) : null,
        default: p.default ? code(p.default) : null,
        description: p.description
          ? renderMarkdown(p.description, { sanitize: true, breaks: false, headerLinks: false, scope: scope.selector })
          : null,
      })),
    [JSON.stringify(docs), language, words.join("\n"), ready],
  );

  // A link to #param-… (anchor_links) opens that parameter and scrolls to it, on load and on hash change.
  useEffect(() => {
    const openFromHash = (): void => {
      const id = decodeURIComponent(location.hash.slice(1));
      const target = id && box.current?.querySelector(`#${CSS.escape(id)}`);
      if (target instanceof HTMLDetailsElement) {
        target.open = true;
        target.scrollIntoView({ behavior: "smooth", block: "nearest" });
      }
    };
    openFromHash();
    addEventListener("hashchange", openFromHash);
    return () => removeEventListener("hashchange", openFromHash);
  }, []);

  const toggleAll = (): void => {
    const open = !allOpen;
    setAllOpen(open);
    box.current?.querySelectorAll<HTMLDetailsElement>("details.param").forEach((d) => (d.open = open));
  };

  return (
    <div
      id={root.id}
      ref={box}
      class={cx("wb-paramviewer", "wrap", root.className)}
      data-all-open={String(allOpen)}
      data-wb-scope={scope.id}
      style={{ ...root.style, ...CONTAIN_PAINT, maxHeight: cssSize(props.max_height) }}
    >
      <div class="header">
        {props.header !== null ? <span class="title">{str(props.header) ?? "Parameters"}</span> : null}
        <button type="button" class="toggle-all" title={allOpen ? "Close All" : "Open All"} onClick={toggleAll}>
          {allOpen ? "▲" : "▼"}
        </button>
      </div>
      <div class="param-content">
        {params.map((p) => {
          const slug = anchors ? paramSlug(p.name, anchors) : undefined;
          return (
            <details key={p.name} class="param md" id={slug}>
              <summary class="type">
                {slug ? (
                  <a href={`#${slug}`} class="param-link" aria-label={`Link to ${p.name}`}>
                    <LinkIcon />
                  </a>
                ) : null}
                <pre class={`language-${language}`}>
                  <code>
                    {p.name}
                    {p.type ? <>: <span dangerouslySetInnerHTML={{ __html: p.type }} /></> : null}
                  </code>
                </pre>
              </summary>
              {p.default ? (
                <div class={cx("default", !p.description && "last")}>
                  <span class="default-label">default</span> <code>= <span dangerouslySetInnerHTML={{ __html: p.default }} /></code>
                </div>
              ) : null}
              {p.description ? <div class="description prose" dangerouslySetInnerHTML={{ __html: p.description }} /> : null}
            </details>
          );
        })}
      </div>
    </div>
  );
}

// Drawn, not the 🔗 emoji Gradio uses: not every system has an emoji font (it showed as an empty box).
const LinkIcon = () => (
  <svg class="link-icon" viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true">
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </svg>
);

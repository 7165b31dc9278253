// gr.Markdown: GitHub-flavoured Markdown via `marked`, sanitized by DOMPurify unless sanitize_html=False.
// Code blocks are highlighted by highlight.js and LaTeX (latex_delimiters) typeset by KaTeX; both load
// lazily, the first time a Markdown needs them, and KaTeX's CSS comes from our own assets (no CDN).
// Everything after the sanitizer works on the parsed DOM, never by rewriting HTML text: math placeholders
// become elements built with the DOM API, and style sheets are scoped to their component (content-scope.ts).

import DOMPurify from "dompurify";
import { Marked } from "marked";
import { useLayoutEffect, useMemo, useRef } from "preact/hooks";
import { CONTAIN_PAINT, scopeStyleElements, useContentScope } from "../renderer/content-scope";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { CopyButton, CornerButtons, readButtons } from "../renderer/corner-buttons";
import "./markdown.css";

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
function postProcess(root: DocumentFragment, headerLinks: boolean): void {
  root.querySelectorAll("a[href]").forEach((a) => {
    const href = a.getAttribute("href") || "";
    if (!href.startsWith("#")) {
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
    }
  });
  if (headerLinks) {
    const seen = new Map<string, number>();
    root.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach((h) => {
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
}

export interface Delimiter {
  left: string;
  right: string;
  display: boolean;
}

// Private-use characters: Markdown and DOMPurify leave them alone, and no real text contains them.
const MATH_MARK = "\ue000math";
const MATH_PLACEHOLDER = /\ue000math(\d+)\ue001/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface MathPiece {
  tex: string;
  display: boolean;
  /** The text as written, delimiters included: what a placeholder outside text becomes again. */
  source: string;
}

/** Take LaTeX out of the text before Markdown sees it (so `_` and `*` inside it stay), leaving markers. */
function extractMath(text: string, delimiters: Delimiter[]): { text: string; math: MathPiece[] } {
  const math: MathPiece[] = [];
  // Longer delimiters first, so "$$" is not read as two "$".
  const ordered = [...delimiters].sort((a, b) => b.left.length - a.left.length);
  for (const d of ordered) {
    const re = new RegExp(`${escapeRe(d.left)}([\\s\\S]+?)${escapeRe(d.right)}`, "g");
    text = text.replace(re, (source: string, tex: string) => {
      math.push({ tex, display: d.display, source });
      return `${MATH_MARK}${math.length - 1}\ue001`;
    });
  }
  return { text, math };
}

// Elements whose text the HTML serializer writes out raw: a placeholder there must not become markup.
const RAW_TEXT = new Set(["STYLE", "SCRIPT", "XMP", "IFRAME", "NOEMBED", "NOFRAMES", "NOSCRIPT", "TEXTAREA", "TITLE"]);

/**
 * Put the math back, after sanitizing, through the DOM: in text, a `.wb-math` span (its TeX as text,
 * typeset later by enhance()); in attributes and raw-text elements, the source as written, as text.
 */
function placeMath(root: DocumentFragment, math: MathPiece[]): void {
  const piece = (i: string) => math[Number(i)];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(MATH_MARK)) texts.push(node as Text);
  }
  for (const node of texts) {
    const parent = node.parentElement;
    if (parent && RAW_TEXT.has(parent.tagName.toUpperCase())) {
      node.data = node.data.replace(MATH_PLACEHOLDER, (_, i: string) => piece(i)?.source ?? "");
      continue;
    }
    const parts: (string | Node)[] = [];
    let last = 0;
    for (const m of node.data.matchAll(MATH_PLACEHOLDER)) {
      parts.push(node.data.slice(last, m.index));
      const p = piece(m[1] ?? "");
      if (p) {
        const span = document.createElement("span");
        span.className = p.display ? "wb-math display" : "wb-math";
        span.dataset.display = String(p.display);
        span.textContent = p.tex; // shown until KaTeX has loaded and typeset it
        parts.push(span);
      }
      last = m.index! + m[0].length;
    }
    parts.push(node.data.slice(last));
    node.replaceWith(...parts);
  }
  root.querySelectorAll("*").forEach((el) => {
    for (const attr of Array.from(el.attributes)) {
      if (attr.value.includes(MATH_MARK)) {
        el.setAttribute(attr.name, attr.value.replace(MATH_PLACEHOLDER, (_, i: string) => piece(i)?.source ?? ""));
      }
    }
  });
}

// SVG elements (an HTML document does not know them by name, unlike its own elements).
const SVG_TAGS = new Set(
  ("svg g defs symbol use path circle ellipse line polyline polygon rect text tspan textpath image foreignobject " +
    "lineargradient radialgradient stop pattern clippath mask marker filter title desc switch view animate " +
    "animatemotion animatetransform set metadata").split(" "),
);
const knownTag = (name: string): boolean =>
  SVG_TAGS.has(name) || name.startsWith("fe") || (!name.includes("-") && !(document.createElement(name) instanceof HTMLUnknownElement));

/**
 * Chatbot(allow_tags=): tags shown as text instead of being dropped by the sanitizer, as Gradio does: True for
 * every tag that is not standard HTML or SVG (<thinking>, <tool_call>, …), a list for just those names.
 */
function showTags(html: string, tags: boolean | string[]): string {
  const wanted = Array.isArray(tags) ? new Set(tags.map((t) => t.toLowerCase())) : null;
  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9_-]*)([^<>]*)>/g, (match, _slash: string, name: string) => {
    const lower = name.toLowerCase();
    const show = wanted ? wanted.has(lower) : !knownTag(lower);
    return show ? match.replace(/</g, "&lt;").replace(/>/g, "&gt;") : match;
  });
}

export function renderMarkdown(
  text: string,
  opts: { sanitize: boolean; breaks: boolean; headerLinks: boolean; delimiters?: Delimiter[]; scope?: string; showTags?: boolean | string[] },
): string {
  const { text: source, math } = opts.delimiters?.length ? extractMath(text, opts.delimiters) : { text, math: [] };
  let html = parser(opts.breaks).parse(source, { async: false }) as string;
  if (opts.showTags) html = showTags(html, opts.showTags);
  if (opts.sanitize) html = DOMPurify.sanitize(html);
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  if (math.length) placeMath(tpl.content, math);
  postProcess(tpl.content, opts.headerLinks);
  if (opts.scope) scopeStyleElements(tpl.content, opts.scope);
  return tpl.innerHTML;
}

/**
 * Run the Markdown pipeline once on a small sample while the page waits for Python: the first parse
 * compiles marked's and DOMPurify's regular expressions, which would otherwise delay the app's first paint.
 */
export function warmUpMarkdown(): void {
  renderMarkdown("# A\n\n## b\n\nSome *text* with **bold**, `code` and [a link](https://example.com).\n\n" +
    "- one\n- two\n\n1. x\n\n> quote\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```py\nx = 1\n```\n",
  { sanitize: true, breaks: false, headerLinks: false });
}

function assetUrl(path: string): string {
  // Next to the page's own stylesheet (assets/wasmblocks.css); not import.meta, which IIFE builds lack.
  const sheet = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href*="wasmblocks.css"]');
  return new URL(path, sheet ? sheet.href : new URL("assets/", document.baseURI)).href;
}

let katexCss = false;
function ensureKatexCss(): void {
  if (katexCss) return;
  katexCss = true;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = assetUrl("katex/katex.css");
  link.dataset.wasmblocks = "katex";
  document.head.appendChild(link);
}

/** Typeset math placeholders and highlight code blocks inside `root` (loading each library on first use). */
export async function enhance(root: HTMLElement): Promise<void> {
  const maths = root.querySelectorAll<HTMLElement>(".wb-math:not([data-rendered])");
  if (maths.length) {
    ensureKatexCss();
    const katex = (await import("katex")).default;
    maths.forEach((el) => {
      const tex = el.textContent ?? "";
      katex.render(tex, el, { displayMode: el.dataset.display === "true", throwOnError: false });
      el.dataset.rendered = "true";
      el.dataset.tex = tex;
    });
  }
  const blocks = root.querySelectorAll<HTMLElement>("pre code:not([data-highlighted])");
  if (blocks.length) {
    const hljs = (await import("highlight.js/lib/common")).default;
    blocks.forEach((el) => {
      const lang = [...el.classList].find((c) => c.startsWith("language-"))?.slice(9);
      if (lang && !hljs.getLanguage(lang)) el.classList.add("nohighlight");
      hljs.highlightElement(el);
    });
  }
}

export function Markdown({ props, value, status, store, trigger }: ComponentProps) {
  const buttons = readButtons(props.buttons);
  const text = value === null || value === undefined ? "" : String(value);
  const sanitize = props.sanitize_html !== false;
  const breaks = !!props.line_breaks;
  const headerLinks = !!props.header_links;
  const delimiters: Delimiter[] = Array.isArray(props.latex_delimiters) ? props.latex_delimiters : [];
  const delimKey = JSON.stringify(delimiters);
  const scope = useContentScope();
  const html = useMemo(
    () => renderMarkdown(text, { sanitize, breaks, headerLinks, delimiters, scope: scope.selector }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [text, sanitize, breaks, headerLinks, delimKey],
  );
  const body = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (body.current) void enhance(body.current).catch((err) => console.warn("wasmblocks: markdown enhance failed", err));
  }, [html]);
  const style: Record<string, string | undefined> = {
    ...CONTAIN_PAINT,
    height: cssSize(props.height),
    maxHeight: cssSize(props.max_height),
    minHeight: cssSize(props.min_height),
  };
  if (props.height != null || props.max_height != null) style.overflowY = "auto";
  return (
    <div
      class={cx("prose", "wb-markdown", status?.stage === "pending" && "pending", !!props.padding && "padding")}
      data-testid="markdown"
      data-wb-scope={scope.id}
      dir={props.rtl ? "rtl" : "ltr"}
      style={style}
    >
      <CornerButtons buttons={buttons} store={store}>
        {buttons.has("copy") ? <CopyButton text={() => text} onCopied={(value) => trigger("copy", { value })} /> : null}
      </CornerButtons>
      <span class="md" ref={body} dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

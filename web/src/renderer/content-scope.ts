// App content (gr.Markdown, chat messages, gr.HTML, toasts) is HTML written by the app or by the people
// using it, and the sanitizer keeps <style> and style="" (Gradio does too). Left alone, a <style> in a
// chat message restyles the whole page, and a style="position:fixed; inset:0" box covers it. So:
// - every style sheet in the content is rewritten to apply inside its component only: parsed by the
//   browser (CSSOM), each rule nested under the component's own [data-wb-scope] attribute (CSS nesting),
//   so `body`, `:root` or `.gradio-container` in it match nothing and `.card` matches only inside it. What
//   cannot be nested (@import would load a sheet for the whole page, @property, @namespace, @page,
//   @layer orderings) is dropped; @keyframes and @font-face stay, their names are global;
// - the component's box contains the content's paint (CONTAIN_PAINT), so nothing in it, fixed or not,
//   draws outside the box.
// gr.HTML keeps Gradio's behaviour where it is meant: its styles still apply to its own content.

import { useMemo } from "preact/hooks";

/** Inline style of a content box: its content paints only inside it (and fixed boxes are placed in it). */
export const CONTAIN_PAINT = { contain: "paint" } as const;

let counter = 0;

/** A scope for one piece of content: the attribute value for its box and the selector that matches it. */
export function useContentScope(): { id: string; selector: string } {
  return useMemo(() => {
    const id = `c${++counter}`;
    return { id, selector: `[data-wb-scope="${id}"]` };
  }, []);
}

type RuleKind = "nest" | "keep" | "drop";

function kindOf(rule: CSSRule): RuleKind {
  // Looked up by name: a browser without one of these rule types has no such rules to nest.
  const g = globalThis as unknown as Record<string, unknown>;
  const nestable = ["CSSStyleRule", "CSSMediaRule", "CSSSupportsRule", "CSSContainerRule", "CSSLayerBlockRule", "CSSScopeRule"];
  if (nestable.some((name) => { const type = g[name]; return typeof type === "function" && rule instanceof type; })) return "nest";
  if (rule instanceof CSSKeyframesRule || rule instanceof CSSFontFaceRule) return "keep";
  return "drop";
}

/** `css` with every rule applying only inside `selector`; text the browser cannot parse is dropped. */
export function scopeCss(css: string, selector: string): string {
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(css); // @import is ignored here (constructed sheets refuse it), as wanted
  } catch {
    return "";
  }
  const nested: string[] = [];
  const kept: string[] = [];
  for (const rule of Array.from(sheet.cssRules)) {
    const kind = kindOf(rule);
    if (kind === "nest") nested.push(rule.cssText);
    else if (kind === "keep") kept.push(rule.cssText);
  }
  const out = [...kept, nested.length ? `${selector} {\n${nested.join("\n")}\n}` : ""].join("\n");
  // The text goes back into a <style> that is serialized as raw text: a "<" (from a CSS string such as
  // content: "\3c/style>") would end the element on the next parse. "\3c " is the same character in CSS.
  return out.replace(/</g, "\\3c ");
}

/** Rewrite every <style> below `root` (HTML and SVG ones) to apply only inside `selector`. */
export function scopeStyleElements(root: ParentNode, selector: string): void {
  root.querySelectorAll("style").forEach((style) => {
    style.textContent = scopeCss(style.textContent ?? "", selector);
  });
}

/** `html` with its style sheets scoped to `selector` (unchanged when it has none). */
export function scopeHtml(html: string, selector: string): string {
  if (!/<style/i.test(html)) return html;
  const template = document.createElement("template");
  template.innerHTML = html;
  scopeStyleElements(template.content, selector);
  return template.innerHTML;
}

// gr.HTML: the app's HTML, sanitized by DOMPurify (scripts and event handlers removed), data-testid="html".
// Gradio 6 templates: html_template/css_template are filled with `value` and the template props; the CSS
// is scoped to this component; js_on_load runs once with `element`, `props` (setting props.value sets the
// value) and `trigger(event)`. A <style> in the value applies inside the component, as Gradio's is meant
// to, and not to the rest of the page; nothing in it paints outside the component (content-scope.ts).

import DOMPurify from "dompurify";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { CONTAIN_PAINT, scopeCss, scopeHtml, useContentScope } from "../renderer/content-scope";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { fillTemplate, jsTemplate } from "./html-template";
import "./markdown.css";
import "./html.css";

function render(template: string, value: any, vars: Record<string, any>): { html: string; error: string | null } {
  try {
    return { html: fillTemplate(template, value, vars), error: null };
  } catch (err: any) {
    return { html: "", error: `html_template error: ${err?.message ?? err}` };
  }
}

export function HTML({ id, props, value, setValue, trigger, status }: ComponentProps) {
  const template: string = props.html_template ?? "${value}";
  const vars: Record<string, any> = props.template_props ?? {};
  const plain = template.trim() === "${value}";
  const scope = `wb-html-${id}`;
  const content = useContentScope();
  const { html, error } = useMemo(() => {
    if (plain) return { html: scopeHtml(DOMPurify.sanitize(value == null ? "" : String(value)), content.selector), error: null };
    const filled = render(template, value, vars);
    return { html: scopeHtml(DOMPurify.sanitize(filled.html), content.selector), error: filled.error };
  }, [plain, template, value, vars]);
  const css = useMemo(() => {
    if (!props.css_template) return "";
    try {
      // Only `${…}` in CSS (Handlebars would HTML-escape `>` and quotes). Nested in `&` (this component's
      // root) and scoped like content styles, so a value with "}" in it cannot reach the rest of the page.
      const filled = jsTemplate(props.css_template, { ...vars, props: { ...vars, value }, value });
      return scopeCss(`& {\n${filled}\n}`, content.selector);
    } catch (err) {
      console.error("wasmblocks: css_template failed", err);
      return "";
    }
  }, [props.css_template, value, vars, content]);

  const el = useRef<HTMLDivElement>(null);
  const live = useRef({ value, props, setValue, trigger });
  live.current = { value, props, setValue, trigger };
  useEffect(() => {
    if (!props.js_on_load || !el.current) return;
    const propsProxy = new Proxy(
      {},
      {
        get: (_, k: string) => (k === "value" ? live.current.value : (live.current.props.template_props ?? {})[k] ?? live.current.props[k]),
        set: (_, k: string, v) => {
          if (k === "value") live.current.setValue(v);
          return true;
        },
      },
    );
    try {
      // The app author's code, like Gradio's js= (never the user's): same trust as the app itself.
      // eslint-disable-next-line no-new-func
      new Function("element", "trigger", "props", props.js_on_load)(el.current, (name: string, data?: any) => live.current.trigger(name, data), propsProxy);
    } catch (err) {
      console.error("wasmblocks: js_on_load failed", err);
    }
  }, [props.js_on_load]);

  return (
    <div
      ref={el}
      class={cx("prose", "gradio-html", "wb-html", props.padding && "padding", props.apply_default_css === false && "no-default-css", status?.stage === "pending" && "pending")}
      data-testid="html"
      data-wb-html={scope}
      data-wb-scope={content.id}
      style={{ ...CONTAIN_PAINT, minHeight: cssSize(props.min_height), maxHeight: cssSize(props.max_height), overflowY: props.max_height != null ? "auto" : undefined }}
      onClick={() => trigger("click")}
    >
      {css ? <style>{css}</style> : null}
      {error ? <div class="wb-html-error" role="alert">{error}</div> : null}
      <div class="html-container" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

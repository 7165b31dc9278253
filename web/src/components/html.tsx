// gr.HTML as Gradio 6 draws it: the block, a `.html-container` box (min/max height, the label when shown),
// and the element js_on_load receives, which holds the filled html_template (sanitized, morphed in place by
// html-view.ts) — or, used as a layout, the template's parts around @children with the child blocks
// between them. data-testid="html" is on that element; its css_template and <style>s apply only inside it.

import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { BlockLabel, labelOf } from "../renderer/atoms";
import { CONTAIN_PAINT, useContentScope } from "../renderer/content-scope";
import { cssSize, cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { HtmlView, type HtmlConfig, type HtmlHost } from "./html-view";
import { isRecord, str, strings } from "../renderer/props";
import "./markdown.css";
import "./html.css";

// Gradio's BlockLabel icon for gr.HTML (a code sign).
const CodeIcon = () => (
  <svg viewBox="0 0 24 24" width="100%" height="100%" fill="none" stroke="currentColor" stroke-width="2">
    <polyline points="16 18 22 12 16 6" />
    <polyline points="8 6 2 12 8 18" />
  </svg>
);

interface CustomButton {
  id: number;
  value: string | null;
  icon: string | null;
}

function CornerButtons({ buttons, onClick }: { buttons: (string | CustomButton)[]; onClick: (id: number) => void }) {
  const custom = buttons.filter((b): b is CustomButton => typeof b !== "string");
  if (!custom.length) return null;
  return (
    <div class="icon-button-wrapper top-panel">
      {custom.map((b) => (
        <button type="button" class="custom-button" aria-label={b.value ?? undefined} title={b.value ?? undefined} onClick={() => onClick(b.id)}>
          {b.icon ? <img src={b.icon} alt="" /> : null}
          {b.value ? <span>{b.value}</span> : null}
        </button>
      ))}
    </div>
  );
}

/** The element js_on_load gets; remounted (js_on_load runs again) when the component becomes a layout or stops being one. */
function HtmlElement({ id, props, value, store, children, hasChildren }: ComponentProps & { hasChildren: boolean }) {
  const scope = useContentScope();
  const [error, setError] = useState<string | null>(null);
  const element = useRef<HTMLDivElement>(null);
  const pre = useRef<HTMLDivElement>(null);
  const post = useRef<HTMLDivElement>(null);
  const style = useRef<HTMLStyleElement>(null);
  const view = useMemo(() => {
    const host: HtmlHost = {
      setShared: (key, v) => (key === "value" ? store.setValue(id, v, false) : store.applyUpdate({ id, props: { [key]: v } })),
      trigger: (event, data) => store.trigger(id, event, data),
      upload: async (file) => {
        const [uploaded] = await store.upload([file]);
        if (!uploaded) throw new Error("upload failed");
        return { path: uploaded.path, url: uploaded.url ?? "" };
      },
      callServer: (name, args) => store.callServer(id, name, args),
      showError: setError,
    };
    return new HtmlView(host);
  }, [store, id]);
  const config: HtmlConfig = {
    template: str(props.html_template, "${value}"),
    cssTemplate: str(props.css_template, ""),
    incoming: { value: value ?? "", label: props.label, visible: props.visible, ...(isRecord(props.props) ? props.props : {}) },
    autoscroll: !!props.autoscroll,
  };
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      const parts = { element: element.current!, pre: pre.current, post: post.current, style: style.current!, scope: scope.selector };
      view.mount(parts, config, str(props.js_on_load) ?? null, str(props.head) ?? null, strings(props.server_fns) ?? []);
    } else {
      view.update(config);
    }
  });
  useLayoutEffect(() => () => view.dispose(), [view]);

  const styled = props.apply_default_css !== false;
  const classes = Array.isArray(props.elem_classes) ? props.elem_classes : [];
  return (
    <>
      <style ref={style} />
      {error ? (
        <div class="error-container" role="alert">
          <strong class="error-title">
            Error rendering <code class="error-component-name">{str(props.component_class_name, "HTML")}</code>:
          </strong>{" "}
          <code class="error-message">{error}</code>
        </div>
      ) : null}
      <div
        ref={element}
        class={cx(styled && !hasChildren && "prose gradio-style", ...classes, hasChildren && "has_children", error && "hide")}
        data-testid="html"
        data-wb-scope={scope.id}
        // A value's box cannot paint over the page (docs/security.md). Used as a layout, the template is the
        // author's page structure around child components, whose menus must open past it: not contained.
        style={hasChildren ? undefined : CONTAIN_PAINT}
      >
        {hasChildren ? (
          <>
            <div ref={pre} class={cx(styled && "prose gradio-style")} />
            {children}
            <div ref={post} class={cx(styled && "prose gradio-style")} />
          </>
        ) : null}
      </div>
    </>
  );
}

export function HTML(p: ComponentProps) {
  const { props, status, store, childIds } = p;
  const template = str(props.html_template, "${value}");
  const hasChildren = childIds.length > 0 && template.includes("@children");
  // Gradio shows the label (and custom corner buttons) only for a block with a container.
  const labelled = !!props.show_label && props.container !== false;
  const pending = status?.stage === "pending" && status.show !== "hidden";
  return (
    <div
      class={cx("html-container", pending && "pending", labelled && "label-padding", props.padding && "block-padding")}
      style={{
        minHeight: pending ? undefined : cssSize(props.min_height),
        maxHeight: cssSize(props.max_height),
        overflowY: props.max_height != null ? "auto" : undefined,
      }}
    >
      {labelled && Array.isArray(props.buttons) && props.buttons.length ? (
        <CornerButtons buttons={props.buttons} onClick={(buttonId) => store.trigger(buttonId, "click", null)} />
      ) : null}
      {labelled ? <BlockLabel show label={labelOf(props, "HTML")} icon={<CodeIcon />} /> : null}
      <HtmlElement key={hasChildren ? "layout" : "content"} {...p} hasChildren={hasChildren} />
    </div>
  );
}

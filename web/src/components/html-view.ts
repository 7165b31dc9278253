// The live part of one mounted gr.HTML, as Gradio 6 runs it (js/html/shared/HTML.svelte):
// - `props` in js_on_load is a Proxy over this mount's own copy of {value, label, visible, …props}:
//   setting a key re-renders the templates; value (and label, visible) also reach the app, so
//   `props.value = 3` fires `change` and is what Python listeners get;
// - props from Python replace the copy's keys when they differ from what Python sent last, re-render, and
//   then run the `watch(keys, fn)` callbacks of the keys that changed (never for changes made in JS);
// - each render is sanitized (docs/security.md), its <style>s scoped to this component, and morphed
//   into the page (html-morph.ts), so js_on_load's listeners stay attached.

import DOMPurify from "dompurify";
import { scopeCss, scopeStyleElements } from "../renderer/content-scope";
import { delayReady } from "../renderer/ready";
import { loadHead } from "./html-head";
import { morphChildren } from "./html-morph";
import { fillTemplate, loadHandlebars, needsHandlebars } from "./html-template";
import { errorText } from "../error-text";

/** What the view needs from the page: the store, events, uploads and server functions. */
export interface HtmlHost {
  setShared(key: "value" | "label" | "visible", v: unknown): void;
  trigger(event: string, data: unknown): void;
  upload(file: File): Promise<{ path: string; url: string }>;
  callServer(name: string, args: unknown[]): Promise<unknown>;
  /** The rendering error to show (null: none). */
  showError(message: string | null): void;
}

export interface HtmlConfig {
  template: string;
  cssTemplate: string;
  /** {value, label, visible, ...props} as the store has them now. */
  incoming: Record<string, unknown>;
  autoscroll: boolean;
}

/** The DOM this view draws into: the template's element (or the parts around @children) and its <style>. */
export interface HtmlParts {
  element: HTMLElement;
  pre: HTMLElement | null;
  post: HTMLElement | null;
  style: HTMLStyleElement;
  scope: string;
}

const SHARED = new Set(["value", "label", "visible"]);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

export class HtmlView {
  readonly props: Record<string, unknown>;
  private local: Record<string, unknown> = {};
  private sent: Record<string, unknown> = {};
  private config: HtmlConfig | null = null;
  private parts: HtmlParts | null = null;
  private watchers: { keys: string[]; fn: () => void }[] = [];
  private drawn = new Map<HTMLElement, string>();
  private css = "";
  private scheduled = false;
  private disposed = false;

  constructor(private host: HtmlHost) {
    this.props = new Proxy(this.local, {
      set: (target, key: string | symbol, v) => {
        const old = target[key as string];
        target[key as string] = v;
        if (typeof key === "string" && old !== v) {
          this.schedule();
          if (SHARED.has(key)) {
            this.sent[key] = copy(v); // Python did not send this: its echo is no change
            this.host.setShared(key as "value" | "label" | "visible", v);
          }
        }
        return true;
      },
    });
  }

  /** First draw into `parts`; then the head tags, then js_on_load (once per mount, as in Gradio). */
  mount(parts: HtmlParts, config: HtmlConfig, jsOnLoad: string | null, head: string | null, serverFns: string[]): void {
    this.parts = parts;
    this.config = config;
    Object.assign(this.local, copy(config.incoming));
    this.sent = copy(config.incoming);
    this.render();
    if (config.autoscroll) this.scrollToBottom();
    // js_on_load finds the template drawn, as in Gradio (where Handlebars is always there): when its code is
    // still loading, the first draw happens once it is in, then js_on_load runs.
    const drawn = needsHandlebars(config.template) || needsHandlebars(config.cssTemplate)
      ? loadHandlebars().then(() => this.render())
      : Promise.resolve();
    void this.runOnLoad(drawn, jsOnLoad, head, serverFns);
  }

  /** The store changed (or the templates did): take Python's new props, re-render what differs. */
  update(config: HtmlConfig): void {
    const previous = this.config;
    this.config = config;
    const templatesChanged = !previous || previous.template !== config.template || previous.cssTemplate !== config.cssTemplate;
    const changed: string[] = [];
    if (!same(this.sent, config.incoming)) {
      for (const key of Object.keys(config.incoming)) {
        if (!same(this.local[key], config.incoming[key])) changed.push(key);
        this.local[key] = copy(config.incoming[key]);
      }
      this.sent = copy(config.incoming);
    }
    if (changed.length || templatesChanged) this.render();
    if (changed.length) queueMicrotask(() => this.fireWatchers(changed));
  }

  dispose(): void {
    this.disposed = true;
    this.watchers = [];
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (!this.disposed) this.render();
    });
  }

  private render(): void {
    const parts = this.parts;
    const config = this.config;
    if (!parts || !config || this.disposed) return;
    const atBottom = config.autoscroll && this.isAtBottom();
    let error: string | null = null;
    const draw = (into: HTMLElement, template: string) => {
      const filled = fillTemplate(template, this.local);
      if ("waiting" in filled) {
        delayReady(filled.waiting);
        filled.waiting.then(() => this.schedule(), (err) => this.host.showError(`could not load Handlebars: ${err?.message ?? err}`));
      } else if ("error" in filled) {
        error ??= filled.error;
      } else if (this.drawn.get(into) !== filled.text) {
        // Gradio re-draws only when the filled template changed: DOM js_on_load built stays until then.
        this.drawn.set(into, filled.text);
        // FORCE_BODY: a template that starts with <style> keeps it (the parser would move it to <head>).
        const fragment = DOMPurify.sanitize(filled.text, { RETURN_DOM_FRAGMENT: true, FORCE_BODY: true });
        scopeStyleElements(fragment, parts.scope);
        morphChildren(into, fragment);
      }
    };
    if (parts.pre && parts.post) {
      const [before = "", ...after] = config.template.split("@children");
      draw(parts.pre, before);
      draw(parts.post, after.join("@children"));
    } else {
      draw(parts.element, config.template);
    }
    const css = config.cssTemplate ? fillTemplate(config.cssTemplate, this.local) : { text: "" };
    if ("error" in css) error ??= css.error;
    else if ("waiting" in css) css.waiting.then(() => this.schedule(), () => {});
    else if (css.text !== this.css) {
      this.css = css.text;
      // Nested in `&` (the element itself, as Gradio's `#id { … }`), then scoped: rules reach only this component.
      parts.style.textContent = css.text ? scopeCss(`& {\n${css.text}\n}`, parts.scope) : "";
    }
    this.host.showError(error);
    if (atBottom) this.scrollToBottom();
  }

  private async runOnLoad(drawn: Promise<void>, jsOnLoad: string | null, head: string | null, serverFns: string[]): Promise<void> {
    try {
      await drawn;
    } catch {
      return; // render() has shown why (Handlebars could not load)
    }
    try {
      if (head) await loadHead(head);
    } catch (err) {
      console.error(`wasmblocks: gr.HTML head= failed, js_on_load not run: ${errorText(err)}`);
      return;
    }
    if (!jsOnLoad || this.disposed || !this.parts) return;
    const server: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const name of serverFns) server[name] = (...args: unknown[]) => this.host.callServer(name, args);
    const trigger = (event: string, data: unknown = {}) => this.host.trigger(event, data);
    const upload = (file: File) => this.host.upload(file);
    const watch = (keys: string | string[], fn: () => void) => {
      this.watchers.push({ keys: Array.isArray(keys) ? keys : [keys], fn });
    };
    try {
      // The app author's code, run in the page like Gradio's js= (docs/security.md: trusted in its own app;
      // a shared link's app runs in the sandbox).
      // eslint-disable-next-line no-new-func
      new Function("element", "trigger", "props", "server", "upload", "watch", jsOnLoad)(
        this.parts.element, trigger, this.props, server, upload, watch,
      );
    } catch (err) {
      console.error("wasmblocks: gr.HTML js_on_load failed:", err);
    }
  }

  private fireWatchers(changed: string[]): void {
    if (this.disposed) return;
    for (const { fn } of this.watchers.filter((w) => w.keys.some((k) => changed.includes(k)))) {
      try {
        fn();
      } catch (err) {
        console.error("wasmblocks: gr.HTML watch callback failed:", err);
      }
    }
  }

  /** The nearest scrolling ancestor (max_height makes the component's own box one), or the page. */
  private scroller(): HTMLElement | null {
    for (let el = this.parts?.element.parentElement ?? null; el; el = el.parentElement) {
      const { overflowY } = getComputedStyle(el);
      if (overflowY === "auto" || overflowY === "scroll") return el;
    }
    return null;
  }

  // autoscroll: follow new content only while the reader is at the bottom (Gradio: within 100px of it).
  private isAtBottom(): boolean {
    const box = this.scroller();
    if (!box) return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 100;
    return box.clientHeight + box.scrollTop >= box.scrollHeight - 100;
  }

  private scrollToBottom(): void {
    requestAnimationFrame(() => {
      const box = this.scroller();
      if (box) box.scrollTo(0, box.scrollHeight);
      else window.scrollTo(0, document.documentElement.scrollHeight);
    });
  }
}

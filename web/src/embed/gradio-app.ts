// <gradio-app src="https://example.org/wb/">: Gradio's embed element, for an app exported with wasmblocks.
// `src` names the export's folder (its index.html's directory): the app, its runtime and its files load
// from there, and the app runs in a worker of its own in this page (mount.ts). Gradio's other attributes,
// as its embedding guide lists them, where they mean something without a server:
//   eager="true"          start at once (default: when the element first scrolls into view, as Gradio)
//   theme_mode="dark|light|system"   control_page_title="true"   initial_height="300px" (while loading)
//   container="false"     no frame and no info line (default: both)
//   info="false"          no "hosted at" line under the app
//   autoscroll="true"     scroll to an event's first output when it completes
// A `render` event fires once the app shows. `space=` needs a Hugging Face Space's server: refused, saying so.

import { renderBootError } from "../renderer/boot-error";
import { mount, type Controller } from "./mount";

const truthy = (v: string | null, fallback: boolean): boolean => (v === null ? fallback : v !== "false");

export class GradioAppElement extends HTMLElement {
  private ctl: Controller | null = null;
  private started = false;
  private watch: IntersectionObserver | null = null;

  /** The app's controller once it has started (as <wasm-blocks>.controller), else null. */
  get controller(): Controller | null {
    return this.ctl;
  }

  connectedCallback(): void {
    if (this.started) return; // moved within the page (removed and added again at once): keep running
    this.style.display = "block";
    this.style.minHeight = this.getAttribute("initial_height") ?? "300px";
    if (truthy(this.getAttribute("eager"), false) || typeof IntersectionObserver === "undefined") return this.start();
    // Gradio loads an embedded app only once it is (about to be) on screen.
    this.watch = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.start();
    });
    this.watch.observe(this);
  }

  disconnectedCallback(): void {
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.watch?.disconnect();
      this.watch = null;
      this.ctl?.unmount();
      this.ctl = null;
      this.started = false;
      this.replaceChildren();
    });
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.watch?.disconnect();
    this.watch = null;
    this.replaceChildren();
    const src = this.getAttribute("src");
    const container = truthy(this.getAttribute("container"), true);
    const frame = document.createElement("div");
    frame.className = container ? "wb-gradio-app wb-gradio-app-frame" : "wb-gradio-app";
    this.appendChild(frame);
    if (!src) {
      const space = this.getAttribute("space");
      this.dataset.state = "error";
      renderBootError(frame, {
        message: space
          ? `<gradio-app space="${space}">: a Hugging Face Space runs on Gradio's server. Export the app with wasmblocks and give its folder as src=.`
          : "<gradio-app> needs src=: the address of a wasmblocks export (the folder holding its index.html)",
        traceback: "",
      });
      return;
    }
    const base = new URL(src.endsWith("/") ? src : `${src}/`, document.baseURI);
    const ctl = mount(frame, {
      base,
      exported: true,
      setTitle: truthy(this.getAttribute("control_page_title"), false),
      autoscroll: truthy(this.getAttribute("autoscroll"), false),
    });
    this.ctl = ctl;
    this.dataset.state = "loading";
    const mode = this.getAttribute("theme_mode");
    if (mode === "dark" || mode === "light") {
      const force = () => ctl.root.classList.toggle("dark", mode === "dark");
      force();
      new MutationObserver(force).observe(ctl.root, { attributes: true, attributeFilter: ["class"] });
    }
    if (container && truthy(this.getAttribute("info"), true)) {
      const info = document.createElement("div");
      info.className = "wb-gradio-app-info";
      const link = document.createElement("a");
      link.href = base.href;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = base.host + base.pathname;
      info.append("Hosted at ", link);
      frame.appendChild(info);
    }
    ctl.ready.then(
      () => {
        this.dataset.state = "ready";
        this.style.minHeight = "";
        this.dispatchEvent(new CustomEvent("render"));
      },
      () => (this.dataset.state = "error"),
    );
  }
}

export function defineGradioApp(): void {
  if (!customElements.get("gradio-app")) customElements.define("gradio-app", GradioAppElement);
}

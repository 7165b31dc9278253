// <wasm-blocks>: an app written into the page, like Gradio-Lite's <gradio-lite>. Each element gets its own
// worker, store and renderer (mount.ts); its data-state mirrors the app's (loading | ready | error).
//
//   <wasm-blocks [src="app.py"] [entrypoint="app.py"] [base="…/site/"] [set-title]>
//     import gradio as gr …                                  (inline code, when there is no src)
//     <wasm-blocks-file name="helpers.py">…</wasm-blocks-file>
//     <wasm-blocks-file name="data.csv" src="data.csv"></wasm-blocks-file>
//     <wasm-blocks-requirements>numpy</wasm-blocks-requirements>
//   </wasm-blocks>
//
// <gradio-lite> is the same element under Gradio-Lite's name, so a Gradio-Lite page keeps working once its
// script tag loads ours; both take Gradio-Lite's attributes: theme="light|dark", playground (an editor
// beside the app, playground.ts) and layout="horizontal|vertical".

import type { AppFiles } from "../protocol";
import { renderBootError } from "../renderer/boot-error";
import { mount, type Controller } from "./mount";
import { playground } from "./playground";
import { readApp } from "./sources";
import { errorText } from "../error-text";

export class WasmBlocksElement extends HTMLElement {
  private ctl: Controller | null = null;
  private starting: Promise<Controller | null> | null = null;
  private stateWatch: MutationObserver | null = null;
  private app: AppFiles | null = null; // read once: the source children are gone after the start

  /** The app's controller (run, writeFile, install, unmount) once it has started, else null. */
  get controller(): Controller | null {
    return this.ctl;
  }

  /** Resolves with the controller when the app shows; rejects when it cannot start. */
  get ready(): Promise<Controller> {
    if (!this.starting) return Promise.reject(new Error("<wasm-blocks> starts when it is added to the document"));
    return this.starting.then(async (c) => {
      if (!c) throw new Error(this.textContent?.trim() || "the app could not start");
      await c.ready;
      return c;
    });
  }

  connectedCallback(): void {
    if (this.starting) return; // moved within the page: keep running
    this.dataset.state = "loading";
    this.starting = this.begin();
  }

  disconnectedCallback(): void {
    // A move (remove + insert in one task) keeps the app; a removal ends it and its worker.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.stateWatch?.disconnect();
      this.ctl?.unmount();
      this.ctl = null;
      this.starting = null;
    });
  }

  private async begin(): Promise<Controller | null> {
    // Children are parsed after the element itself: read them once the document is complete.
    if (document.readyState === "loading") {
      await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
    }
    let app = this.app;
    try {
      app ??= this.app = await readApp(this);
    } catch (err) {
      this.replaceChildren();
      const box = document.createElement("div");
      box.className = "wb-embed gradio-container";
      this.appendChild(box);
      renderBootError(box, { message: errorText(err), traceback: "" });
      this.dataset.state = "error";
      return null;
    }
    this.replaceChildren(); // the source text and file children give way to the app
    const parts = this.hasAttribute("playground") ? playground(this, this.getAttribute("layout")) : null;
    const ctl = mount(parts ? parts.preview : this, {
      files: app.files,
      entrypoint: app.entrypoint,
      requirements: app.requirements,
      base: this.getAttribute("base") ?? undefined,
      setTitle: this.hasAttribute("set-title"),
    });
    this.ctl = ctl;
    const mirror = () => (this.dataset.state = ctl.root.dataset.state ?? "loading");
    this.stateWatch = new MutationObserver(mirror);
    this.stateWatch.observe(ctl.root, { attributes: true, attributeFilter: ["data-state"] });
    mirror();
    const theme = this.getAttribute("theme");
    if (theme === "dark" || theme === "light") {
      // Gradio-Lite's theme attribute forces the mode, whatever the system prefers.
      const force = () => ctl.root.classList.toggle("dark", theme === "dark");
      force();
      new MutationObserver(force).observe(ctl.root, { attributes: true, attributeFilter: ["class"] });
    }
    const entry = app.files[app.entrypoint];
    if (parts) await parts.start(typeof entry === "string" ? entry : new TextDecoder().decode(entry), ctl);
    return ctl;
  }
}

/** Gradio-Lite's element name for the same thing (a custom element name needs a class of its own). */
export class GradioLiteElement extends WasmBlocksElement {}

export function defineElement(name = "wasm-blocks"): void {
  if (!customElements.get(name)) customElements.define(name, WasmBlocksElement);
  if (!customElements.get("gradio-lite")) customElements.define("gradio-lite", GradioLiteElement);
}

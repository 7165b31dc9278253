// Mount the app: the component tree from store.config, toasts, the page title and the app's css.

import { render } from "preact";
import type { AppStore } from "../client/store";
import { Block } from "./block";
import { Toasts } from "./toasts";
import { applyMode, applyThemeVars, insertHead, runAppJs } from "./theme";

function App({ store }: { store: AppStore }) {
  const config = store.config!;
  return (
    <>
      <main class="wb-main contain">
        <Block id={config.root.id} store={store} />
      </main>
      <Toasts store={store} />
    </>
  );
}

function injectCss(css: string | null | undefined): void {
  let tag = document.getElementById("wasmblocks-app-css") as HTMLStyleElement | null;
  if (!css) {
    tag?.remove();
    return;
  }
  if (!tag) {
    tag = document.createElement("style");
    tag.id = "wasmblocks-app-css";
    document.head.appendChild(tag);
  }
  tag.textContent = css;
}

/** Render the app held by `store` (store.load() has been called) into `root`. */
export function mountApp(root: HTMLElement, store: AppStore): void {
  const config = store.config;
  if (!config) throw new Error("mountApp: store.load(config) has not been called");
  document.title = config.title || "Gradio";
  injectCss(config.css);
  root.classList.add("gradio-container", "wb-app");
  if (config.version) root.classList.add(`gradio-container-${String(config.version).replace(/\./g, "-")}`);
  root.classList.toggle("fill-height", !!config.fill_height);
  root.classList.toggle("fill-width", !!config.fill_width);
  applyThemeVars(config.theme_vars);
  applyMode(root);
  insertHead(config.head);
  root.classList.remove("wb-boot");
  // Whatever was there (the loading screen, static HTML) goes: start from a clean container.
  render(null, root);
  root.replaceChildren();
  render(<App store={store} />, root);
  void runAppJs(config.js);
}

// Mount the app: the component tree from store.config, Gradio's footer, toasts, the page title and the
// app's css.

import { render } from "preact";
import type { AppStore } from "../client/store";
import { Block } from "./block";
import { Footer } from "./footer";
import { setStyleTag } from "./hooks";
import { StopNoticeBar } from "./stop-notice";
import { Toasts } from "./toasts";
import { applyMode, applyThemeVars, insertHead, runAppJs, setFavicon } from "./theme";

function App({ store, root }: { store: AppStore; root: HTMLElement }) {
  const config = store.config!;
  return (
    <>
      <main class="wb-main contain">
        <Block id={config.root.id} store={store} />
      </main>
      <Footer store={store} root={root} />
      <StopNoticeBar store={store} />
      <Toasts store={store} />
    </>
  );
}

/** How an embedded app (docs/embedding.md) differs from the one app of a page. */
export interface MountOptions {
  /** Set document.title from the app's title (default true; an embed only when it asks). */
  setTitle?: boolean;
  /** A name unique on the page: the app's css= and theme apply only inside this root (`@scope`). */
  scope?: string;
  /** Every event scrolls to its first output when it completes (<gradio-app autoscroll="true">). */
  autoscroll?: boolean;
}

function injectCss(css: string | null | undefined, scope?: string): void {
  const tagId = scope ? `wasmblocks-app-css-${scope}` : "wasmblocks-app-css";
  // Two embedded apps' css= must not restyle each other: @scope limits the rules to this app's root.
  setStyleTag(tagId, !css ? null : scope ? `@scope ([data-wb-scope="${scope}"]) {\n${css}\n}` : css);
}

/** Undo mountApp for an embedded app: unmount the tree and drop its scoped <style>s. */
export function unmountApp(root: HTMLElement, scope?: string): void {
  render(null, root);
  if (scope) {
    document.getElementById(`wasmblocks-app-css-${scope}`)?.remove();
    document.getElementById(`wasmblocks-theme-${scope}`)?.remove();
  }
}

/** Render the app held by `store` (store.load() has been called) into `root`. */
export function mountApp(root: HTMLElement, store: AppStore, options: MountOptions = {}): void {
  const config = store.config;
  if (!config) throw new Error("mountApp: store.load(config) has not been called");
  if (options.setTitle !== false) {
    document.title = config.title || "Gradio";
    setFavicon(config.favicon);
  }
  if (options.scope) root.dataset.wbScope = options.scope;
  injectCss(config.css, options.scope);
  root.classList.add("gradio-container", "wb-app");
  if (config.version) root.classList.add(`gradio-container-${String(config.version).replace(/\./g, "-")}`);
  root.classList.toggle("fill-height", !!config.fill_height);
  root.classList.toggle("fill-width", !!config.fill_width);
  applyThemeVars(config.theme_vars, options.scope);
  applyMode(root);
  insertHead(config.head);
  root.classList.remove("wb-boot");
  // Whatever was there (the loading screen, static HTML) goes: start from a clean container.
  render(null, root);
  root.replaceChildren();
  render(<App store={store} root={root} />, root);
  void runAppJs(config.js);
}

// assets/embed.js: the embedding entry (docs/embedding.md). Importing it defines <wasm-blocks> and
// <gradio-app src="…export/">, adds the shared stylesheet when the page has none, and exports mount();
// `window.wasmblocks.mount` is the same
// function for classic scripts and PyScript, and `window.wasmblocks.pyscript` draws the apps that
// demo.launch() starts in PyScript's own interpreter (docs/pyscript.md).

import { defineElement, WasmBlocksElement } from "../embed/element";
import { defineGradioApp, GradioAppElement } from "../embed/gradio-app";
import { AppBootError, mount, setDefaultBase } from "../embed/mount";
import { pyscriptConnector, reportMissingIsolation } from "../embed/pyscript";
import "./embed.css";

const base = new URL("../", import.meta.url); // this bundle lives in assets/
setDefaultBase(base);

function addStylesheet(): void {
  if (document.querySelector('link[rel="stylesheet"][href*="wasmblocks.css"]')) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("assets/wasmblocks.css", base).href;
  document.head.appendChild(link);
}

addStylesheet();
defineElement();
defineGradioApp();
// Classic scripts and PyScript reach mount() as window.wasmblocks.mount (docs/pyscript.md).
Object.assign(globalThis, {
  wasmblocks: { mount, AppBootError, base: base.href, pyscript: pyscriptConnector(base) },
});
reportMissingIsolation();

export { mount, AppBootError, WasmBlocksElement, GradioAppElement };
export type { Controller, MountOptions } from "../embed/mount";

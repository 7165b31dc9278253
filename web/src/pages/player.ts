// The page entry: start the worker, show boot stages, render the tree, and route worker messages.

import type { AppFiles, WorkerMessage } from "../protocol";
import { Connection } from "../client/connection";
import { EventDispatcher } from "../client/events";
import { AppStore } from "../client/store";
import { renderBootError } from "../renderer/boot-error";
import { renderLoading } from "../renderer/loading";
import { mountApp } from "../renderer/render";

export interface StartOptions {
  /** The site root holding runtime.json, assets/, pyodide/ (and app/ when `app` is not given). */
  base: URL;
  app?: AppFiles;
}

export function start(root: HTMLElement, options: StartOptions): Connection {
  const store = new AppStore();
  const conn = new Connection(new URL("assets/worker.js", options.base));
  let dispatcher: EventDispatcher | null = null;
  root.dataset.state = "loading";
  renderLoading(root, "downloading");
  store.upload = (files) => conn.upload(files);

  conn.onMessage = (message: WorkerMessage) => {
    switch (message.type) {
      case "boot":
        renderLoading(root, message.stage, message.detail);
        break;
      case "boot_error":
        root.dataset.state = "error";
        renderBootError(root, message);
        break;
      case "tree":
        store.load(message.config);
        dispatcher = new EventDispatcher(store, conn, message.config);
        root.replaceChildren();
        mountApp(root, store);
        root.dataset.state = "ready";
        performance.mark("wasmblocks:ready");
        dispatcher.load(message.config.root.id);
        dispatcher.startTimers();
        break;
      case "status":
        dispatcher?.onStatus(message);
        break;
      case "update":
        dispatcher?.onUpdate(message);
        break;
      case "toast":
        store.addToast(message.level, message.message, message.title ?? null, message.duration ?? null);
        break;
      case "error":
        console.error("wasmblocks:", message.message);
        store.addToast("error", message.message, "Error", 10);
        dispatcher?.onRejected(message.ref);
        break;
    }
  };
  conn.post({
    type: "init",
    base_url: options.base.href,
    session_hash: Math.random().toString(36).slice(2, 14),
    url: location.href,
    app: options.app,
  });
  addEventListener("pagehide", () => conn.post({ type: "unload" }));
  return conn;
}

// Auto-start on the export's index.html: the bundle lives in assets/, so the site root is one level up.
const root = document.getElementById("wasmblocks-app");
if (root) start(root, { base: new URL("../", import.meta.url) });

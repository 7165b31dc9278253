// The export's index page (assets/wasmblocks.js): start the app in #wasmblocks-app, adopting the worker
// that web/pages/index.html's inline script already started, register the offline service worker once
// the app is ready, and offer the app's JS API as window.wasmblocks (docs/embedding.md).

import { type AppApi, waitingApi } from "../client/api";
import { Connection } from "../client/connection";
import type { InitMessage, TreeMessage } from "../protocol";
import { registerOffline } from "../share/offline";
import { start } from "./player";

/** What the inline script of web/pages/index.html leaves for us: a worker already booting, and its init. */
interface EarlyStart {
  worker: Worker;
  messages: MessageEvent[];
  init?: InitMessage;
}

// The bundle lives in assets/, so the site root is one level up.
const root = document.getElementById("wasmblocks-app");
// data-autostart="false": a host page that starts the app itself, with its own options.
if (root && root.dataset.autostart !== "false") {
  const base = new URL("../", import.meta.url);
  // The app's runtime.json and app/ are next to the page, which is the site root or, in a site of several
  // apps, a folder below it (as the inline script's base_url says).
  const appBase = new URL(".", location.href);
  const early = (window as Window & { __wasmblocksEarly?: EarlyStart }).__wasmblocksEarly;
  let api: AppApi | null = null;
  let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve() {}, reject() {} };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => {}); // a boot error shows in the page; awaiting `ready` is optional
  const onApi = (a: AppApi) => (api = a);
  const tree = earlyTree();
  if (early) {
    // How to start another worker like it, should Stop have to end this one (client/worker-restart.ts).
    const spawn = () => new Worker(new URL("assets/worker.js", base), { type: "module" });
    const connection = new Connection(early.worker, "module", early.messages, spawn);
    if (early.init) connection.rememberInit(early.init);
    start(root, { base, appBase, connection, initSent: true, onApi, early: tree });
  } else {
    start(root, { base, appBase, onApi, early: tree });
  }
  // predict/submit/view_api wait for the app; they reject when it failed to start.
  (window as Window & { wasmblocks?: unknown }).wasmblocks = { root, ready, ...waitingApi(async () => {
    await ready;
    if (!api) throw new Error("The app started without its API");
    return api;
  }) };
  const watch = new MutationObserver(() => {
    if (root.dataset.state === "ready") settle.resolve();
    else if (root.dataset.state === "error") settle.reject(new Error(root.innerText.split("\n")[0] || "The app failed to start"));
    else return;
    watch.disconnect();
  });
  watch.observe(root, { attributes: true, attributeFilter: ["data-state"] });
  // Only once the app is ready: the precache must not compete with the boot's own downloads.
  ready.then(() => registerOffline(base), () => {});
}

/** The tree `export` made under CPython (wasmblocks_build/early_tree.py), embedded in index.html; none when it could not. */
function earlyTree(): TreeMessage | undefined {
  const text = document.getElementById("wasmblocks-early-tree")?.textContent;
  if (!text) return undefined;
  try {
    const message = JSON.parse(text) as TreeMessage;
    return message.type === "tree" && message.config?.root ? message : undefined;
  } catch (err) {
    console.warn("wasmblocks: the page's early tree is not JSON; waiting for Python's", err);
    return undefined;
  }
}

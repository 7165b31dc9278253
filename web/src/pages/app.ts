// The export's index page (assets/wasmblocks.js): start the app in #wasmblocks-app, adopting the worker
// that web/pages/index.html's inline script already started, and register the offline service worker once
// the app is ready.

import { Connection } from "../client/connection";
import { registerOffline } from "../share/offline";
import { start } from "./player";

/** What the inline script of web/pages/index.html leaves for us: a worker already booting. */
interface EarlyStart {
  worker: Worker;
  messages: MessageEvent[];
}

// The bundle lives in assets/, so the site root is one level up.
const root = document.getElementById("wasmblocks-app");
// data-autostart="false": a host page that starts the app itself, with its own options.
if (root && root.dataset.autostart !== "false") {
  const base = new URL("../", import.meta.url);
  const early = (window as Window & { __wasmblocksEarly?: EarlyStart }).__wasmblocksEarly;
  if (early) {
    start(root, { base, connection: new Connection(early.worker, "module", early.messages), initSent: true });
  } else {
    start(root, { base });
  }
  // Only once the app is ready: the precache must not compete with the boot's own downloads.
  const ready = new MutationObserver(() => {
    if (root.dataset.state !== "ready") return;
    ready.disconnect();
    registerOffline(base);
  });
  ready.observe(root, { attributes: true, attributeFilter: ["data-state"] });
}

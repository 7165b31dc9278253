// `demo.launch()` under PyScript (py/wasmblocks/pyscript_entry.py): the app's Python runs in PyScript's
// interpreter, in its worker or on the main thread, and this draws it. assets/embed.js installs it as
// `window.wasmblocks.pyscript`. Python calls connect() (through PyScript's `window` proxy from a worker),
// then hands over one end of a MessageChannel: accept() on the main thread, or from a worker a message to
// its script's `xworker` that transfers the port. The protocol (docs/protocol.md) runs over that port with
// the same client and renderer as our own worker.

import type { BootErrorMessage } from "../protocol";
import { Connection, type WorkerLike } from "../client/connection";
import { start } from "../pages/player";
import { renderBootError } from "../renderer/boot-error";

declare const __WASMBLOCKS_VERSION__: string; // bundle.py defines it: the version in pyproject.toml

/** The wasmblocks release this renderer belongs to; the Python package must be the same one. */
export const RENDERER_VERSION = __WASMBLOCKS_VERSION__;

/** What launch() asks for. Same as LaunchRequest in py/wasmblocks/pyscript_entry.py. */
export interface LaunchRequest {
  version: string;
  /** Element id the app draws into; null: the script's output element (`fallback`). */
  target: string | null;
  /** The running script's output element, where an error shows when `target` is not on the page. */
  fallback: string | null;
  /** The running `<script type="py" worker>`: its xworker brings the port. Null on the main thread. */
  script: string | null;
}

type LaunchReply = { token: string } | { error: string };

interface PyScriptElement extends HTMLElement {
  xworker?: Worker; // polyscript's worker of a `<script type="py" worker>`
}

export interface PyScriptConnector {
  connect(request: string): string;
  accept(token: string, port: MessagePort): void;
  version: string;
}

const WORKER_SCRIPTS = 'script[type="py"][worker], py-script[worker]';
/** Why PyScript's worker cannot reach the page, and the fixes (the Python side raises the same). */
export const NO_ISOLATION =
  "wasmblocks: this page is not cross-origin isolated, so a PyScript worker cannot reach it and " +
  "demo.launch() there cannot show the app (PyScript's worker needs SharedArrayBuffer for `window` and " +
  '`document`). Fix: add PyScript\'s mini-coi service worker as the page\'s first script, <script src="mini-coi.js">' +
  "</script> (`build.py export --pyscript` ships it), or serve the page with the headers " +
  "Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp (`build.py serve " +
  "--coi`), or remove `worker` to run the app's Python on the main thread.";

/** Show a failure where the app would have been, as an app that could not start shows it. */
function showError(place: HTMLElement, message: string): void {
  const root = document.createElement("div");
  root.className = "wb-embed";
  root.dataset.state = "error";
  place.appendChild(root);
  const error: BootErrorMessage = { type: "boot_error", message, traceback: "" };
  renderBootError(root, error);
}

function portAsWorker(port: MessagePort): WorkerLike {
  return {
    postMessage: (message, transfer) => port.postMessage(message, transfer),
    get onmessage() {
      return port.onmessage;
    },
    set onmessage(handler) {
      port.onmessage = handler; // also starts the port: messages queued before now arrive
    },
    onerror: null, // a port has no error event; the Python side reports failures as messages
    terminate: () => port.close(),
  };
}

/** The connector for the page whose runtime files (the export) are at `base`. */
export function pyscriptConnector(base: URL): PyScriptConnector {
  const pending = new Map<string, HTMLElement>();
  const listening = new WeakSet<Worker>();
  let launches = 0;
  let accepted = 0;

  const reply = (answer: LaunchReply): string => JSON.stringify(answer);

  const accept = (token: string, port: MessagePort): void => {
    const target = pending.get(token);
    pending.delete(token);
    if (!target) return port.close();
    const root = document.createElement("div");
    root.className = "wb-embed";
    target.appendChild(root);
    // Each app on the page gets its own id prefix and css= scope, as mount() gives embedded apps.
    const scope = `wbpy${++accepted}`;
    start(root, { base, connection: new Connection(portAsWorker(port)), mount: { setTitle: false, scope } });
  };

  /** From a worker the port arrives as a message to the script's xworker; PyScript never sees it. */
  const listenTo = (worker: Worker): void => {
    if (listening.has(worker)) return;
    listening.add(worker);
    worker.addEventListener("message", (event: MessageEvent) => {
      const data = event.data as { wasmblocks_port?: unknown; port?: unknown } | null;
      if (!data || typeof data !== "object" || typeof data.wasmblocks_port !== "string") return;
      event.stopImmediatePropagation();
      if (data.port instanceof MessagePort) accept(data.wasmblocks_port, data.port);
    });
  };

  const connect = (text: string): string => {
    let request: LaunchRequest;
    try {
      request = JSON.parse(text) as LaunchRequest;
    } catch {
      return reply({ error: "launch request is not JSON" });
    }
    const byId = (id: string | null) => (id ? document.getElementById(id) : null);
    const fallback = byId(request.fallback);
    const target = request.target ? byId(request.target) : fallback;
    if (!target) {
      const message = `demo.launch(target=${JSON.stringify(request.target)}): the page has no element with that id`;
      if (fallback) showError(fallback, message);
      return reply({ error: message });
    }
    if (request.version !== RENDERER_VERSION) {
      const message =
        `version mismatch: the wasmblocks Python package is ${request.version} but the page's renderer ` +
        `(${new URL("assets/embed.js", base).href}) is ${RENDERER_VERSION}. Load the wheel and embed.js ` +
        "from the same wasmblocks release (the same export).";
      showError(target, message);
      return reply({ error: message });
    }
    let worker: Worker | undefined;
    if (request.script) {
      worker = (byId(request.script) as PyScriptElement | null)?.xworker;
      if (!worker) return reply({ error: `the script #${request.script} has no PyScript worker` });
    }
    const token = `pyscript-${++launches}`;
    pending.set(token, target);
    if (worker) listenTo(worker);
    return reply({ token });
  };

  return { connect, accept, version: RENDERER_VERSION };
}

/** Whether a worker script is one that may launch an app (inline code that names gradio or wasmblocks). */
function mayLaunch(script: Element): boolean {
  if (script.hasAttribute("src")) return true; // its code is elsewhere: cannot tell
  const text = `${script.getAttribute("config") ?? ""}\n${script.textContent ?? ""}`;
  return /\b(gradio|wasmblocks)\b/.test(text);
}

/**
 * Without cross-origin isolation a PyScript worker has no `window`: PyScript only logs that, and the
 * app's Python cannot reach the page to say more. So the page says it, next to each worker script that
 * may launch an app. Not while PyScript's mini-coi is about to reload the page isolated (first visit).
 */
export function reportMissingIsolation(): void {
  if (globalThis.crossOriginIsolated) return;
  const scripts = [...document.querySelectorAll(WORKER_SCRIPTS)].filter(mayLaunch);
  if (!scripts.length) return;
  const miniCoi = document.querySelector('script[src$="mini-coi.js"]');
  if (miniCoi && navigator.serviceWorker && !navigator.serviceWorker.controller) return;
  console.error(NO_ISOLATION);
  for (const script of scripts) {
    const place = document.createElement("div");
    place.className = "wb-pyscript-isolation";
    script.after(place);
    showError(place, NO_ISOLATION);
  }
}

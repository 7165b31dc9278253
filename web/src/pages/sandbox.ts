// The script of the sandboxed iframe (inlined by web/src/share/sandbox-host.ts). It waits for the
// hosting page's "wb-start" (app, site URL, worker source, file port), runs the app with the normal page
// client, and reports data-state and boot errors back. "wb-run" replaces the app in the same worker; one
// that arrives while the first app is still booting waits for it (the worker refuses `run` before then),
// and only the newest waiting one runs.

import { Connection } from "../client/connection";
import type { AppFiles, SandboxProxyMessage, SandboxToHostMessage } from "../protocol";
import { asFileReply, asFileRequest, asHostToSandbox, isAppState } from "../share/sandbox-messages";
import { start } from "./player";

const root = document.getElementById("wasmblocks-app")!;
let conn: Connection | null = null;
let base: URL | null = null;
let firstAppStarted = false; // its tree (or its boot error) has arrived
let waiting: AppFiles | null = null;

const toHost = (message: SandboxToHostMessage) => parent.postMessage(message, "*");

function report(): void {
  const state = root.dataset.state;
  if (isAppState(state)) toHost({ type: "wb-state", state, title: document.title });
}
new MutationObserver(report).observe(root, { attributes: true, attributeFilter: ["data-state"] });

function watchBootErrors(c: Connection): void {
  const route = c.onMessage;
  c.onMessage = (message) => {
    if (message.type === "boot_error") toHost({ type: "wb-boot-error", error: message });
    route(message);
    if (!firstAppStarted && (message.type === "tree" || message.type === "boot_error")) {
      firstAppStarted = true;
      if (waiting) replaceApp(c, waiting);
      waiting = null;
    }
  };
}

function replaceApp(c: Connection, app: AppFiles): void {
  start(root, { base: base!, app, connection: c, replace: true });
  watchBootErrors(c);
}

addEventListener("message", (event: MessageEvent) => {
  if (event.source !== parent) return;
  const data = asHostToSandbox(event.data);
  if (!data) return;
  if (data.type === "wb-start" && !conn) {
    base = new URL(data.base);
    const workerUrl = URL.createObjectURL(new Blob([data.workerSource], { type: "text/javascript" }));
    const relay = portRelay(data.port);
    const origin = base.origin;
    // Each worker (a restart after Stop starts another) gets its own port onto the host's file port.
    const spawn = () => {
      const worker = new Worker(workerUrl, { type: "classic" });
      // Before `init`: the worker's prelude takes this message, the protocol never sees it.
      const port = relay();
      const proxy: SandboxProxyMessage = { type: "wb-proxy", port, origin };
      worker.postMessage(proxy, [port]);
      return worker;
    };
    conn = new Connection(spawn(), "classic", [], spawn);
    start(root, { base, app: data.app, connection: conn });
    watchBootErrors(conn);
  } else if (data.type === "wb-run" && conn && base) {
    if (firstAppStarted) replaceApp(conn, data.app);
    else waiting = data.app;
  }
});

/**
 * Ports onto the host's one file port (SandboxHost.serve): requests keep their order and get their own
 * replies back, whichever worker sent them.
 */
function portRelay(host: MessagePort): () => MessagePort {
  const routes = new Map<number, { port: MessagePort; id: number }>();
  let next = 0;
  host.onmessage = (event: MessageEvent<unknown>) => {
    const reply = asFileReply(event.data);
    const route = reply && routes.get(reply.id);
    if (!reply || !route) return;
    routes.delete(reply.id);
    const body = "body" in reply ? [reply.body] : [];
    route.port.postMessage({ ...reply, id: route.id }, body);
  };
  return () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      const request = asFileRequest(event.data);
      if (!request) return;
      const id = ++next;
      routes.set(id, { port: channel.port1, id: request.id });
      host.postMessage({ ...request, id });
    };
    return channel.port2;
  };
}

toHost({ type: "wb-sandbox-ready" });

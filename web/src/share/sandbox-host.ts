// Runs untrusted app code (from a share link or the editor) in a sandboxed iframe.
//
// The iframe has sandbox="allow-scripts" and no allow-same-origin, so its document and its worker have an
// opaque origin: the app's js=, head= and HTML cannot read this site's cookies, storage or caches, nor
// reach into this page. An opaque-origin document cannot load the site's files without CORS headers
// (module scripts, workers and fetch all need them; static hosts don't send them), so:
// - the iframe's document is inline (srcdoc) with the styles and a module loader inlined
//   (es-module-shims in shim mode): it loads assets/sandbox.js and the chunks it imports, statically or
//   lazily, as text through a MessagePort answered here, and runs them from Blob URLs, so a shared app
//   downloads what it uses and not every component's code;
// - its worker is a classic Blob URL worker (a worker must be same-origin with its creator, and Chromium
//   refuses *module* workers from an opaque origin; dynamic import() works in the classic one);
// - the worker reads the runtime's files through a MessagePort answered here, by this page, which may
//   fetch them (and has them in its offline cache). That port is the sandbox's only way to the site's
//   origin, so it serves only what file-policy.ts allows (the runtime and the host's opt-ins), fetched
//   without this page's cookies.

import type { AppFiles, AppState, BootErrorMessage, FileReply, FileRequest, HostToSandboxMessage, SandboxToHostMessage } from "../protocol";
import { errorText } from "../error-text";
import { isReadable, optIns, RUNTIME_FILES, sitePath } from "./file-policy";
import { asFileRequest, asSandboxToHost } from "./sandbox-messages";

export interface SandboxEvents {
  /** The iframe's app root changed data-state ("loading" | "ready" | "error"). */
  onState?: (state: AppState, title: string) => void;
  /** The app failed to start (the editor points at file and line). */
  onBootError?: (error: BootErrorMessage) => void;
}

async function text(url: URL): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.pathname} (HTTP ${response.status})`);
  return response.text();
}

/** What the loader script sets on, and reads from, the sandboxed window: es-module-shims' options and import. */
interface ShimmedWindow {
  esmsInitOptions?: {
    shimMode: boolean;
    source: (url: string) => Promise<{ url: string; source: string; type: "js" }>;
  };
  importShim?: (url: string) => Promise<unknown>;
}

/**
 * The sandboxed document's first script (inlined as source, so it uses only globals, and checks what it
 * receives without share/sandbox-messages.ts): es-module-shims' options, whose source hook asks the hosting
 * page for every module, then the import of sandbox.js once the page has sent the port ("wb-loader", the
 * answer to "wb-loader-ready"). A failed import is reported as "wb-load-error".
 */
function sandboxLoader(): void {
  const w = window as Window & ShimmedWindow;
  const toHost = (message: SandboxToHostMessage) => parent.postMessage(message, "*");
  let port: MessagePort | null = null;
  let next = 0;
  const waiting = new Map<number, (reply: FileReply) => void>();
  const ask = (url: string) =>
    new Promise<FileReply>((resolve) => {
      const request: FileRequest = { id: ++next, url };
      waiting.set(request.id, resolve);
      port!.postMessage(request);
    });
  w.esmsInitOptions = {
    shimMode: true,
    source: async (url: string) => {
      const reply = await ask(url);
      if ("error" in reply) throw new TypeError(`Failed to fetch ${url}: ${reply.error}`);
      if (reply.status !== 200) throw new TypeError(`Could not load ${url} (HTTP ${reply.status})`);
      return { url, source: new TextDecoder().decode(reply.body), type: "js" };
    },
  };
  addEventListener("message", (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<Extract<HostToSandboxMessage, { type: "wb-loader" }>> | null;
    if (event.source !== parent || port || data?.type !== "wb-loader") return;
    if (!(data.port instanceof MessagePort) || typeof data.base !== "string") return;
    port = data.port;
    port.onmessage = (e: MessageEvent<unknown>) => {
      const reply = e.data as { id?: unknown; error?: unknown; body?: unknown } | null;
      const id = reply?.id;
      if (typeof id !== "number" || (typeof reply?.error !== "string" && !(reply?.body instanceof ArrayBuffer))) return;
      waiting.get(id)?.(reply as FileReply);
      waiting.delete(id);
    };
    w.importShim!(new URL("assets/sandbox.js", data.base).href).catch((err: unknown) =>
      toHost({ type: "wb-load-error", message: String((err as Error | null)?.message ?? err) }),
    );
  });
  // es-module-shims (the next script) is defined by the time the page answers.
  toHost({ type: "wb-loader-ready" });
}

/** "*": an opaque origin has no name to target; the messages hold only the app the user is running. */
const send = (target: Window, message: HostToSandboxMessage, transfer: Transferable[] = []) =>
  target.postMessage(message, "*", transfer);

/** `</script` inside inlined code would end the inline script early. */
const inlineSafe = (code: string) => code.replace(/<\/(script)/gi, "<\\/$1");

export class SandboxHost {
  readonly iframe: HTMLIFrameElement;
  private ready: Promise<void> | null = null;
  private started: Promise<void> | null = null;
  private readable: Promise<readonly string[]> | null = null;

  constructor(container: HTMLElement, private base: URL, private events: SandboxEvents = {}) {
    this.iframe = document.createElement("iframe");
    this.iframe.setAttribute("sandbox", "allow-scripts allow-forms allow-popups allow-modals allow-downloads");
    this.iframe.className = "wb-sandbox-frame";
    this.iframe.title = "App preview";
    container.appendChild(this.iframe);
    addEventListener("message", (event) => {
      if (event.source !== this.iframe.contentWindow) return;
      const data = asSandboxToHost(event.data);
      if (data?.type === "wb-state") this.events.onState?.(data.state, data.title);
      if (data?.type === "wb-boot-error") this.events.onBootError?.(data.error);
    });
  }

  /** Run `app`: boots Python in the sandbox the first time, replaces the app (same Python) afterwards. */
  async run(app: AppFiles): Promise<void> {
    await (this.ready ??= this.load());
    const target = this.iframe.contentWindow!;
    if (this.started) {
      // A run asked for while the first one is still starting goes after it, not before "wb-start".
      await this.started;
      send(target, { type: "wb-run", app });
      return;
    }
    await (this.started = this.start(target, app));
  }

  private async start(target: Window, app: AppFiles): Promise<void> {
    const [prelude, worker] = await Promise.all([
      text(new URL("assets/sandbox-prelude.js", this.base)),
      text(new URL("assets/worker-classic.js", this.base)),
    ]);
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => void this.serve(channel.port1, event.data);
    const start = { app, base: this.base.href, workerSource: `${prelude}\n${worker}`, port: channel.port2 };
    send(target, { type: "wb-start", ...start }, [channel.port2]);
  }

  /** Build the iframe's document and wait until its script listens. */
  private async load(): Promise<void> {
    const [css, shims] = await Promise.all([
      text(new URL("assets/wasmblocks.css", this.base)),
      text(new URL("assets/es-module-shims.js", this.base)),
    ]);
    const listening = new Promise<void>((resolve, reject) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== this.iframe.contentWindow) return;
        const data = asSandboxToHost(event.data);
        if (data?.type === "wb-sandbox-ready") resolve();
        else if (data?.type === "wb-load-error") reject(new Error(`The app player could not load: ${data.message}`));
        else return;
        removeEventListener("message", onMessage);
      };
      addEventListener("message", onMessage);
    });
    const files = new MessageChannel();
    files.port1.onmessage = (event) => void this.serve(files.port1, event.data);
    const sendPort = (event: MessageEvent) => {
      if (event.source !== this.iframe.contentWindow || asSandboxToHost(event.data)?.type !== "wb-loader-ready") return;
      removeEventListener("message", sendPort);
      send(this.iframe.contentWindow!, { type: "wb-loader", base: this.base.href, port: files.port2 }, [files.port2]);
    };
    addEventListener("message", sendPort);
    this.iframe.srcdoc =
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>App</title>` +
      `<style>${css.replace(/<\/(style)/gi, "<\\/$1")}</style></head><body>` +
      `<div id="wasmblocks-app" class="gradio-container" data-state="loading" data-autostart="false"></div>` +
      `<script>(${inlineSafe(sandboxLoader.toString())})();</script><script>${inlineSafe(shims)}</script></body></html>`;
    await listening;
  }

  /** The runtime's files plus what this site's runtime.json opts into. */
  private readableFiles(): Promise<readonly string[]> {
    return (this.readable ??= fetch(new URL("runtime.json", this.base))
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null)
      .then((info) => [...RUNTIME_FILES, ...optIns(info)]));
  }

  /** Answer one file request from the sandboxed worker: a GET of a file shared code may read, or a 403. */
  private async serve(port: MessagePort, data: unknown): Promise<void> {
    const request = asFileRequest(data);
    if (!request) return; // not a request the prelude or the loader sends: nobody to answer
    const { id, url } = request;
    const reply = (message: FileReply, transfer: Transferable[] = []) => port.postMessage(message, transfer);
    const refuse = (reason: string) => {
      const body = new TextEncoder().encode(`wasmblocks: shared code may not read ${url}: ${reason}`).buffer;
      reply({ id, status: 403, type: "text/plain; charset=utf-8", body }, [body]);
    };
    try {
      const verdict = sitePath(url, this.base);
      if (!verdict.ok) return refuse(verdict.reason);
      if (!isReadable(verdict.path, await this.readableFiles())) {
        return refuse("not a runtime file, and the site does not share it (docs/security.md)");
      }
      // No cookies or HTTP auth of this page, and no redirect that could lead out of what was checked.
      const response = await fetch(verdict.url, { credentials: "omit", mode: "same-origin", redirect: "error" });
      const body = await response.arrayBuffer();
      const type = response.headers.get("Content-Type") ?? "application/octet-stream";
      reply({ id, status: response.status, type, body }, [body]);
    } catch (err) {
      reply({ id, error: errorText(err) });
    }
  }
}

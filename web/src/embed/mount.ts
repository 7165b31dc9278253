// mount(element, {files, entrypoint, requirements}): run an app inside any element of the host page, with
// a worker of its own, and control it (run new code in the same Python, write files, install, unmount).
// docs/embedding.md describes the API; <wasm-blocks> (element.ts) is built on it.

import type { AppFiles, BootErrorMessage, DoneMessage, InstallMessage, WorkerMessage, WriteFileMessage } from "../protocol";
import { type ApiMethods, type AppApi, waitingApi } from "../client/api";
import { Connection } from "../client/connection";
import { start } from "../pages/player";
import { currentOnly } from "../pages/rerun";
import { unmountApp } from "../renderer/render";

/** A host operation (answered with `done`) before it gets its request_id. */
type HostRequest = Omit<WriteFileMessage, "request_id"> | Omit<InstallMessage, "request_id">;

export interface MountOptions {
  /** Path → text or bytes; the entry file among them. */
  files?: Record<string, string | Uint8Array>;
  /** Shorthand for files: {[entrypoint]: code}. */
  code?: string;
  /** Default "app.py" (or the only .py file). */
  entrypoint?: string;
  /** Lines as in requirements.txt, installed with micropip. */
  requirements?: string[];
  /** The exported site's root (holds runtime.json, assets/, pyodide/); default: where embed.js came from. */
  base?: string | URL;
  /** Let the app set document.title (default false: several apps can share a page). */
  setTitle?: boolean;
  /** Seconds an event may run without a word before the Stop notice shows; null: never (docs/events.md). */
  stopNoticeAfter?: number | null;
  /** Run the app exported at `base` (its app/ folder) instead of `files`/`code` (<gradio-app src=…>). */
  exported?: boolean;
  /** Scroll to an event's first output when it completes (<gradio-app autoscroll>). */
  autoscroll?: boolean;
}

/** A failed start: the Python error the app raised (also shown inside the element). */
export class AppBootError extends Error {
  constructor(readonly detail: BootErrorMessage) {
    super(detail.message);
    this.name = "AppBootError";
  }
}

/** predict(), submit() and view_api() (client/api.ts) run the current app's events; they wait for `ready`. */
export interface Controller extends ApiMethods {
  /** The element the app renders into (a child of the mount target; data-state: loading|ready|error). */
  readonly root: HTMLElement;
  /** Settles when the current app shows (resolves) or fails to start (rejects with AppBootError). */
  readonly ready: Promise<void>;
  /** Replace the app: new entry-file code (a string) or new files; Python (Pyodide) is not reloaded. */
  run(code: string | Partial<Pick<AppFiles, "files" | "entrypoint" | "requirements">>): Promise<void>;
  /** Write a file into the app's folder (relative path); the running app can open() it at once. */
  writeFile(path: string, data: string | Uint8Array | ArrayBuffer | Blob): Promise<void>;
  /** micropip-install requirements into the running Python (for the next run(), or lazy imports). */
  install(requirements: string | string[]): Promise<void>;
  /** Stop: terminates the worker and removes the app's DOM. */
  unmount(): void;
}

let defaultBase: URL | null = null;
let scopes = 0;

/** Set by the embed entry (assets/embed.js): the site root is one level above assets/. */
export function setDefaultBase(base: URL): void {
  defaultBase = base;
}

function entryOf(files: Record<string, unknown>, given?: string): string {
  if (given) return given;
  if ("app.py" in files) return "app.py";
  const py = Object.keys(files).filter((f) => f.endsWith(".py"));
  if (py.length === 1 && py[0]) return py[0];
  throw new Error(`No entry file: name one with \`entrypoint\` (files: ${Object.keys(files).join(", ") || "none"})`);
}

function appFrom(options: MountOptions): AppFiles {
  const files = { ...(options.files ?? {}) };
  const entrypoint = options.code !== undefined ? options.entrypoint ?? "app.py" : entryOf(files, options.entrypoint);
  if (options.code !== undefined) files[entrypoint] = options.code;
  if (!(entrypoint in files)) throw new Error(`The entry file ${entrypoint} is not among the files`);
  return { entrypoint, files, requirements: (options.requirements ?? []).map((r) => r.trim()).filter((r) => r && !r.startsWith("#")) };
}

/** A module worker from the site; from another origin through a Blob that imports it (needs CORS there). */
function workerUrl(base: URL): URL {
  const url = new URL("assets/worker.js", base);
  if (url.origin === location.origin) return url;
  const blob = new Blob([`import ${JSON.stringify(url.href)};`], { type: "text/javascript" });
  return new URL(URL.createObjectURL(blob));
}

export function mount(target: HTMLElement, options: MountOptions = {}): Controller {
  if (!(target instanceof HTMLElement)) throw new TypeError("mount(element, options): element must be an HTML element");
  const base = new URL(options.base ?? defaultBase ?? new URL("./", document.baseURI), document.baseURI);
  // An exported app's files stay in the worker (read from the site); run() then needs new files.
  let app: AppFiles | undefined = options.exported ? undefined : appFrom(options);
  const scope = `wb${++scopes}`;
  const root = document.createElement("div");
  root.className = "wb-embed";
  target.appendChild(root);
  const conn = new Connection(workerUrl(base));
  const pending = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  let closed = false;
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  let ready!: Promise<void>;
  let api: AppApi | null = null;
  const onApi = (a: AppApi) => (api = a);

  const expectTree = (): void => {
    ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    ready.catch(() => {}); // a boot error is shown in the element; awaiting `ready` is optional
  };
  // start() routes the renderer's messages; this wrapper also answers `done` and rejects `ready` on a boot
  // error (start's onReady resolves it).
  const watch = (): void => {
    const route = conn.onMessage;
    conn.onMessage = (message: WorkerMessage) => {
      if (message.type === "done") return answer(message);
      route(message);
      if (message.type === "boot_error") settle?.reject(new AppBootError(message));
    };
  };
  const answer = (message: DoneMessage): void => {
    const waiter = pending.get(message.request_id);
    pending.delete(message.request_id);
    if (message.error) waiter?.reject(new Error(message.error));
    else waiter?.resolve();
  };
  const request = (message: HostRequest, transfer: Transferable[] = []): Promise<void> => {
    if (closed) return Promise.reject(new Error("This app has been unmounted"));
    const request_id = conn.nextId("host");
    const reply = new Promise<void>((resolve, reject) => pending.set(request_id, { resolve, reject }));
    conn.post({ ...message, request_id }, transfer);
    return reply;
  };
  const mountOptions = { setTitle: !!options.setTitle, scope, autoscroll: !!options.autoscroll };

  expectTree();
  const onReady = () => settle?.resolve(); // the tree is drawn, lazily loaded components included
  start(root, { base, app, connection: conn, mount: mountOptions, onReady, onApi, stopNoticeAfter: options.stopNoticeAfter });
  watch();

  return {
    ...waitingApi(async () => {
      await ready; // the current app's (run() replaces it); rejects when it failed to start
      if (!api) throw new Error("The app started without its API");
      return api;
    }),
    root,
    get ready() {
      return ready;
    },
    async run(code) {
      if (closed) throw new Error("This app has been unmounted");
      await ready.catch(() => {}); // Python must be up; a failed app may be replaced
      const was = app ?? { files: {}, entrypoint: "app.py", requirements: [] };
      const next = typeof code === "string" ? { files: { ...was.files, [was.entrypoint]: code } } : code;
      app = appFrom({ ...was, ...next, entrypoint: next.entrypoint ?? (next.files ? undefined : was.entrypoint) });
      expectTree();
      start(root, {
        base, app, connection: conn, replace: true, mount: mountOptions, onReady, onApi,
        stopNoticeAfter: options.stopNoticeAfter,
      });
      watch();
      return ready;
    },
    async writeFile(path, data) {
      if (data instanceof Blob) data = new Uint8Array(await data.arrayBuffer());
      // A later run() writes the app's files again: a file the worker accepted stays among them.
      if (typeof data === "string") {
        await request({ type: "write_file", path, data });
        if (app) app.files[path] = data;
        return;
      }
      const bytes = data instanceof Uint8Array ? data.slice().buffer : data.slice(0);
      const kept = new Uint8Array(bytes.slice(0));
      await request({ type: "write_file", path, buffers: [bytes] }, [bytes]);
      if (app) app.files[path] = kept;
    },
    install(requirements) {
      const list = (typeof requirements === "string" ? requirements.split("\n") : requirements)
        .map((r) => r.trim())
        .filter((r) => r && !r.startsWith("#"));
      return request({ type: "install", requirements: list });
    },
    unmount() {
      if (closed) return;
      closed = true;
      currentOnly(conn); // the old app's timers and chains post nothing any more
      conn.terminate();
      for (const waiter of pending.values()) waiter.reject(new Error("This app has been unmounted"));
      pending.clear();
      settle?.reject(new Error("This app has been unmounted"));
      unmountApp(root, scope);
      root.remove();
    },
  };
}

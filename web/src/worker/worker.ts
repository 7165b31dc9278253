// The worker entry: boot on `init`, then pass every page message to the app's Python handler.

import type { AppFiles, BootErrorMessage, BootStage, InitMessage, PageMessage, WorkerMessage } from "../protocol";
import {
  APP_DIR,
  INFLATE_WORKER,
  fetchSnapshot,
  fetchWheel,
  installWasmblocks,
  type PackageArchive,
  readRuntimeInfo,
  serveInflate,
  snapshotDisabled,
  startPython,
} from "./boot";
import { checkedApp, fetchAppFiles, installAppPackages, writeAppFiles } from "./app-files";
import { deliver, makeSender } from "./bridge";
import { restartApp, type RunningPython } from "./restart";
import { hostOp } from "./host-ops";
import type { AppHandler } from "./python";
import { errorText } from "../error-text";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const stage = (s: BootStage, detail?: string) => post({ type: "boot", stage: s, detail });

let handler: AppHandler | null = null;
let booting = false;
let running: RunningPython | null = null; // set once Python is up, so `run` can replace the app
let runs: Promise<void> = Promise.resolve(); // `run` messages, one after the other
let booted: Promise<void> = new Promise(() => {}); // settles when boot() ends (write_file/install wait for it)
const early: PageMessage[] = [];

async function boot(init: InitMessage): Promise<void> {
  const base = new URL(init.base_url);
  // Marks in the worker's timeline (bench/run.py reads them for the start-up breakdown).
  performance.mark("wasmblocks:boot-start");
  stage("downloading");
  const info = readRuntimeInfo(base);
  // Start the downloads the start needs at once: the snapshot and the app files load while Pyodide
  // compiles. The package's files wait for the app after a restore (installWasmblocks).
  let wheelFetch: Promise<PackageArchive> | null = null;
  const wheel = () => (wheelFetch ??= fetchWheel(base, info));
  const app = fetchAppFiles(base, init.app);
  const runtimeInfo = await info;
  const snapshot = runtimeInfo.snapshot && !snapshotDisabled(init.url) ? fetchSnapshot(base, runtimeInfo.snapshot) : null;
  if (!snapshot) wheel(); // a plain boot imports wasmblocks from these files
  const started = await startPython(base, runtimeInfo, (line) => console.log(line), snapshot);
  const py = started.py;
  stage("starting");
  const entry = await installWasmblocks(started, wheel);
  const files = await app;
  running = { py, entry, base, appDir: APP_DIR, init, send: makeSender(py, post) };
  // A handle for devtools and bench/run.py (worker memory): `__wasmblocks.py` in the worker's console.
  Object.assign(scope, { __wasmblocks: { py, fromSnapshot: started.fromSnapshot } });
  writeAppFiles(py, APP_DIR, files);
  await installAppPackages(py, base, files, stage);
  stage("running");
  handler = entry.start_app(files.entrypoint, APP_DIR, running.send) ?? null;
  performance.mark("wasmblocks:app-started");
  // The tree is on its way to the page: now the standard library's zip may use the network.
  started.stdlib?.load().catch((err: unknown) =>
    console.warn(`wasmblocks: could not load the standard library (imports will retry): ${errorText(err)}`),
  );
  if (!handler) return; // start_app already sent boot_error
  deliverSafely(init);
  for (const message of early.splice(0)) deliverSafely(message);
}

/** The check every page message passes: an object with a string `type` (Python checks the rest). */
function isPageMessage(data: unknown): data is PageMessage {
  return typeof data === "object" && data !== null && typeof (data as { type?: unknown }).type === "string";
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isPageMessage(message)) {
    post({ type: "error", message: "Messages to the worker must be objects with a string `type`" });
    return;
  }
  // Catch-all: an exception escaping here would end the worker, and the page would show its start-up
  // error in place of the app. Whatever a message holds, it gets an error that names it instead.
  try {
    route(message);
  } catch (err: unknown) {
    refuse(message, err);
  }
};

function refuse(message: PageMessage, err: unknown): void {
  const type = typeof message.type === "string" ? message.type.slice(0, 40) : "?";
  // The id a reply names (as page_session.message_ref reads it): the promise or event waiting for it ends.
  const ref = "event_id" in message ? message.event_id
    : "upload_id" in message ? message.upload_id
    : "call_id" in message ? message.call_id : null;
  post({
    type: "error",
    message: `Could not handle the ${JSON.stringify(type)} message: ${errorText(err)}`,
    ref: typeof ref === "string" ? ref : null,
  });
}

/** Hand a message to the app's Python; a message JSON cannot carry (BigInt, a cycle) is refused, not thrown. */
function deliverSafely(message: PageMessage): void {
  if (!handler) return;
  try {
    deliver(handler, message);
  } catch (err: unknown) {
    refuse(message, err);
  }
}

function route(message: PageMessage): void {
  if (message.type === "run") {
    const app = checkedApp(message.app); // throws before the running app is touched
    inTurn(message, () => rerun(app));
    return;
  }
  if (message.type === "write_file" || message.type === "install") {
    // After the boot and any `run` before it, in order; the app never sees these.
    inTurn(message, () => booted.then(() => hostOp(running, message, post)));
    return;
  }
  if (message.type === "init") {
    if (booting) return post({ type: "error", message: "The worker has already been started" });
    booting = true;
    booted = boot(message).catch((err: unknown) => post(bootError(err)));
    return;
  }
  if (handler) deliverSafely(message);
  else early.push(message);
}

/** Run `task` after the `run`s and host operations before it; a failure is refused and the line goes on. */
function inTurn(message: PageMessage, task: () => Promise<void>): void {
  runs = runs.then(task).catch((err: unknown) => refuse(message, err));
}

// Started again by fetchSnapshot as the snapshot's decoder: that is all this copy does.
if (scope.name === INFLATE_WORKER) serveInflate(scope);

/** Replace the app (restart.ts); page messages that arrive meanwhile wait for the new one. */
async function rerun(app: AppFiles): Promise<void> {
  if (!running) {
    post({ type: "error", message: "`run` arrived before Python had started; send it after the first tree" });
    return;
  }
  const old = handler;
  handler = null;
  try {
    handler = await restartApp(running, old, app, stage);
  } catch (err) {
    post(bootError(err));
  }
  if (handler) for (const message of early.splice(0)) deliverSafely(message);
}

function bootError(err: unknown): BootErrorMessage {
  return { type: "boot_error", message: errorText(err), traceback: err instanceof Error ? (err.stack ?? "") : "" };
}

// The worker entry: boot on `init`, then pass every page message to the app's Python handler.

import type { BootStage, InitMessage, PageMessage, WorkerMessage } from "../protocol";
import { APP_DIR, fetchApp, fetchWheel, installRequirements, installWasmblocks, readRuntimeInfo, startPython, writeApp } from "./boot";
import { deliver, makeSender } from "./bridge";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const stage = (s: BootStage, detail?: string) => post({ type: "boot", stage: s, detail });

let handler: any = null;
let booting = false;
const early: PageMessage[] = [];

async function boot(init: InitMessage): Promise<void> {
  const base = new URL(init.base_url);
  stage("downloading");
  const info = readRuntimeInfo(base);
  // Start every download at once: the wheel and the app files load while Pyodide compiles.
  const wheel = fetchWheel(base, info);
  const app = fetchApp(base, init.app);
  const py = await startPython(base, await info, (line) => console.log(line));
  stage("starting");
  const runtime = await installWasmblocks(py, wheel);
  const files = await app;
  writeApp(py, files);
  await installRequirements(py, files.requirements, stage);
  stage("running");
  handler = runtime.start_app(files.entrypoint, APP_DIR, makeSender(py, post));
  if (!handler) return; // start_app already sent boot_error
  deliver(handler, init);
  for (const message of early.splice(0)) deliver(handler, message);
}

scope.onmessage = (event: MessageEvent<PageMessage>) => {
  const message = event.data;
  if (!message || typeof message !== "object" || typeof (message as any).type !== "string") {
    post({ type: "error", message: "Messages to the worker must be objects with a string `type`" });
    return;
  }
  if (message.type === "init") {
    if (booting) return post({ type: "error", message: "The worker has already been started" });
    booting = true;
    boot(message).catch((err: any) =>
      post({ type: "boot_error", message: String(err?.message ?? err), traceback: String(err?.stack ?? "") }),
    );
    return;
  }
  if (handler) deliver(handler, message);
  else early.push(message);
};

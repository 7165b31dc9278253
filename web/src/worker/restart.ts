// The `run` message: replace the running app without restarting Python (the editor's preview).
// Python's side (wasmblocks.worker_entry.stop_app) cancels the old app's events and forgets its modules
// and files; then the new files are written and the entry file runs as at boot.

import type { AppFiles, BootStage, InitMessage } from "../protocol";
import { installAppPackages, writeAppFiles } from "./app-files";
import { deliver } from "./bridge";
import type { AppHandler, Pyodide, Send, WorkerEntry } from "./python";

/** What a booted worker keeps so it can run another app. */
export interface RunningPython {
  py: Pyodide;
  /** The wasmblocks.worker_entry module: the only Python the worker calls. */
  entry: WorkerEntry;
  base: URL;
  appDir: string;
  init: InitMessage;
  send: Send;
}

/** Stop `handler`'s app and start `app`; resolves with the new handler (null after a boot_error). */
export async function restartApp(
  running: RunningPython,
  handler: AppHandler | null,
  app: AppFiles,
  stage: (s: BootStage, d?: string) => void,
): Promise<AppHandler | null> {
  const { py, entry, appDir } = running;
  entry.stop_app(handler, appDir);
  writeAppFiles(py, appDir, app);
  await installAppPackages(py, running.base, app, stage);
  stage("running");
  const next = entry.start_app(app.entrypoint, appDir, running.send);
  if (next) deliver(next, running.init); // `init` makes the new app send its tree
  return next ?? null;
}

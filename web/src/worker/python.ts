// The Python objects the worker's JS calls, typed as it uses them. Pyodide types pyimport() and calls into
// Python as `any`; these interfaces give them their types once, as twins of py/wasmblocks/worker_entry.py.

import type { PyodideAPI } from "pyodide";
import type { PyCallable, PyProxy } from "pyodide/ffi";

export type Pyodide = PyodideAPI;

/** worker_entry.start_app's `js_send`: one message as JSON text, and the paths of the files it carries. */
export type Send = (text: string, paths?: string | null) => void;

/** worker_entry.RunningApp: called with each page message (JSON text; an upload's buffers beside it). */
export type AppHandler = PyProxy & ((text: string, buffers: ArrayBuffer[] | null) => void);

/** A Python list of str. */
export interface PyStrList extends PyProxy {
  toJs(): string[];
}

/** The wasmblocks.worker_entry module. */
export interface WorkerEntry extends PyProxy {
  /** The app's handler, or undefined (Python None) after a boot_error, which `send` carried. */
  start_app(entrypoint: string, appDir: string, send: Send): AppHandler | undefined;
  /** Cancel the app's events, forget its modules and files; how many events it stopped. */
  stop_app(handler: AppHandler | null, appDir: string): number;
  implied_requirements(sources: string[], listed: string[]): PyStrList;
  implied_packages(sources: string[], listed: string[]): PyStrList;
}

/** The micropip module. */
export interface Micropip extends PyProxy {
  install: PyCallable;
}

export function importWorkerEntry(py: Pyodide): WorkerEntry {
  return py.pyimport("wasmblocks.worker_entry") as WorkerEntry;
}

export function importMicropip(py: Pyodide): Micropip {
  return py.pyimport("micropip") as Micropip;
}

// How the worker imports Pyodide's JS. Normally a plain import() of the site's file; inside the sandboxed
// player (opaque origin, web/src/worker/sandbox-prelude.ts) a hook loads it through the hosting page.

import type { loadPyodide, PyodideConfig } from "pyodide";

/** The modules the worker imports by URL, and the exports it uses. */
export interface PyodideModules {
  "pyodide.mjs": { loadPyodide: typeof loadPyodide };
  "pyodide.asm.mjs": { default: NonNullable<PyodideConfig["createPyodideModule"]> };
}

/** import() of a URL; what the module exports is not known until it runs. */
export type ModuleImporter = (url: string) => Promise<unknown>;

/** The hook a prelude installs on the worker's global scope. */
export interface ImportHook {
  __wasmblocksImport?: ModuleImporter;
}

/** Whether a prelude replaced this worker's imports (and fetch): the sandboxed player. */
export function importHooked(): boolean {
  return (globalThis as ImportHook).__wasmblocksImport !== undefined;
}

/** Pyodide's `file` below `indexURL`: import(url), or through the hook a prelude installed. */
export async function importPyodideFile<F extends keyof PyodideModules>(indexURL: string, file: F): Promise<PyodideModules[F]> {
  const url = new URL(file, indexURL).href;
  const hook = (globalThis as ImportHook).__wasmblocksImport;
  // The one place a URL's module gets its type: these are the files of the vendored pyodide package.
  return (await (hook ? hook(url) : import(/* webpackIgnore: true */ url))) as PyodideModules[F];
}

// How the worker imports Pyodide's JS. Normally a plain import() of the site's file; inside the sandboxed
// player (opaque origin, web/src/worker/sandbox-prelude.ts) a hook loads it through the hosting page.

export type ModuleImporter = (url: string) => Promise<any>;

/** import(url), or the hook a prelude installed as globalThis.__wasmblocksImport. */
export function importModule(url: string): Promise<any> {
  const hook = (globalThis as any).__wasmblocksImport as ModuleImporter | undefined;
  return hook ? hook(url) : import(/* webpackIgnore: true */ url);
}

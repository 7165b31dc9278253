// Runs first in the sandboxed player's worker (a Blob URL worker with an opaque origin; see
// web/src/share/sandbox-host.ts). That worker cannot fetch or import the site's files itself (no CORS on
// static hosts), so requests for the site's origin go through a MessagePort to the hosting page.
// Other origins (the Pyodide CDN, PyPI) are fetched directly: they send CORS headers.

interface Reply {
  id: number;
  status?: number;
  type?: string;
  body?: ArrayBuffer;
  error?: string;
}

(() => {
  const scope = self as any;
  // This worker is classic (see sandbox-host.ts) but runs Pyodide's ES module build through import().
  // Pyodide refuses "classic workers", which it detects by importScripts() working; make it not work.
  scope.importScripts = () => {
    throw new TypeError("importScripts() is not available in the wasmblocks sandbox worker");
  };
  const directFetch: typeof fetch = fetch.bind(scope);
  const waiting = new Map<number, (reply: Reply) => void>();
  let port: MessagePort | null = null;
  let origin = "";
  let next = 0;

  scope.addEventListener("message", (event: MessageEvent) => {
    if (event.data?.type !== "wb-proxy") return;
    event.stopImmediatePropagation(); // not a protocol message: worker.ts never sees it
    origin = event.data.origin;
    port = event.data.port as MessagePort;
    port.onmessage = (e: MessageEvent<Reply>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
  });

  const urlOf = (input: RequestInfo | URL) =>
    typeof input === "string" ? input : input instanceof URL ? input.href : (input as Request).url;
  const isSite = (url: string) => origin !== "" && new URL(url, scope.location.href).origin === origin;

  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    if (!port || !isSite(url) || (init?.method && init.method !== "GET")) return directFetch(input, init);
    const id = ++next;
    const reply = await new Promise<Reply>((resolve) => {
      waiting.set(id, resolve);
      port!.postMessage({ id, url: new URL(url, scope.location.href).href });
    });
    if (reply.error !== undefined) throw new TypeError(`Failed to fetch ${url}: ${reply.error}`);
    return new Response(reply.body!, { status: reply.status, headers: { "Content-Type": reply.type! } });
  };

  const blobImports = new Map<string, Promise<any>>();
  async function importThroughPage(url: string): Promise<any> {
    if (!blobImports.has(url)) {
      blobImports.set(url, (async () => {
        const response = await scope.fetch(url);
        if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status})`);
        const blob = new Blob([await response.text()], { type: "text/javascript" });
        return import(/* webpackIgnore: true */ URL.createObjectURL(blob));
      })());
    }
    return blobImports.get(url)!;
  }

  // boot.ts imports pyodide.mjs through this hook (web/src/worker/module-loader.ts). Pyodide then
  // imports pyodide.asm.mjs next to it; createPyodideModule hands it over instead.
  scope.__wasmblocksImport = async (url: string) => {
    if (!isSite(url)) return import(/* webpackIgnore: true */ url);
    const module = await importThroughPage(url);
    if (!url.endsWith("/pyodide.mjs")) return module;
    const asmUrl = url.replace(/pyodide\.mjs$/, "pyodide.asm.mjs");
    return {
      ...module,
      // boot.ts passes a factory of its own (it imports pyodide.asm.mjs through this hook too); keep it.
      loadPyodide: async (options: Record<string, unknown>) =>
        module.loadPyodide(
          options.createPyodideModule ? options : { ...options, createPyodideModule: (await importThroughPage(asmUrl)).default },
        ),
    };
  };
})();

// Runs first in the sandboxed player's worker (a Blob URL worker with an opaque origin; see
// web/src/share/sandbox-host.ts). That worker cannot fetch or import the site's files itself (no CORS on
// static hosts), so requests for the site's origin go through a MessagePort to the hosting page.
// Other origins (the Pyodide CDN, PyPI) are fetched directly: they send CORS headers.

import type { FileReply, FileRequest } from "../protocol";
import { asFileReply, asProxy } from "../share/sandbox-messages";
import type { PyodideConfig } from "pyodide";
import type { ImportHook, PyodideModules } from "./module-loader";

/** The worker scope as this prelude changes it: fetch goes through the page, importScripts refuses. */
type SandboxScope = DedicatedWorkerGlobalScope & ImportHook;

(() => {
  const scope = self as unknown as SandboxScope;
  // This worker is classic (see sandbox-host.ts) but runs Pyodide's ES module build through import().
  // Pyodide refuses "classic workers", which it detects by importScripts() working; make it not work.
  scope.importScripts = () => {
    throw new TypeError("importScripts() is not available in the wasmblocks sandbox worker");
  };
  const directFetch: typeof fetch = fetch.bind(scope);
  const waiting = new Map<number, (reply: FileReply) => void>();
  let port: MessagePort | null = null;
  let origin = "";
  let next = 0;

  scope.addEventListener("message", (event: MessageEvent<unknown>) => {
    const proxy = asProxy(event.data);
    if (!proxy) return;
    event.stopImmediatePropagation(); // not a protocol message: worker.ts never sees it
    origin = proxy.origin;
    port = proxy.port;
    port.onmessage = (e: MessageEvent<unknown>) => {
      const reply = asFileReply(e.data);
      if (!reply) return; // the page answers only with replies; anything else has nobody waiting for it
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    };
  });

  const urlOf = (input: RequestInfo | URL) =>
    typeof input === "string" ? input : input instanceof URL ? input.href : (input as Request).url;
  const isSite = (url: string) => origin !== "" && new URL(url, scope.location.href).origin === origin;

  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    if (!port || !isSite(url) || (init?.method && init.method !== "GET")) return directFetch(input, init);
    const request: FileRequest = { id: ++next, url: new URL(url, scope.location.href).href };
    const ask = port;
    const reply = await new Promise<FileReply>((resolve) => {
      waiting.set(request.id, resolve);
      ask.postMessage(request);
    });
    if ("error" in reply) throw new TypeError(`Failed to fetch ${url}: ${reply.error}`);
    return new Response(reply.body, { status: reply.status, headers: { "Content-Type": reply.type } });
  };

  const blobImports = new Map<string, Promise<unknown>>();
  async function importThroughPage(url: string): Promise<unknown> {
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
  scope.__wasmblocksImport = async (url: string): Promise<unknown> => {
    if (!isSite(url)) return import(/* webpackIgnore: true */ url);
    const module = await importThroughPage(url);
    if (!url.endsWith("/pyodide.mjs")) return module;
    const pyodide = module as PyodideModules["pyodide.mjs"];
    const asmUrl = url.replace(/pyodide\.mjs$/, "pyodide.asm.mjs");
    const asm = async () => ((await importThroughPage(asmUrl)) as PyodideModules["pyodide.asm.mjs"]).default;
    return {
      ...pyodide,
      // boot.ts passes a factory of its own (it imports pyodide.asm.mjs through this hook too); keep it.
      loadPyodide: async (options: PyodideConfig = {}) =>
        pyodide.loadPyodide(options.createPyodideModule ? options : { ...options, createPyodideModule: await asm() }),
    } satisfies PyodideModules["pyodide.mjs"];
  };
})();

// The site's service worker (sw.js; export prepends `self.WASMBLOCKS_SITE = {version, files}`).
// install: cache every file of this export under "wasmblocks-<version>"; activate: delete every other
// wasmblocks cache of this scope, so a new export replaces the old one in one step.
// fetch: cache first for the site's files (a repeat visit starts from cache and works offline); other
// GETs (the Pyodide CDN, PyPI) are cached as they pass, so packages also load offline later.

interface SiteInfo {
  version: string;
  files: string[];
}

(() => {
  const sw = self as unknown as ServiceWorkerGlobalScope & { WASMBLOCKS_SITE: SiteInfo };
  const site = sw.WASMBLOCKS_SITE;
  const scope = new URL(sw.registration.scope);
  const prefix = `wasmblocks-${scope.pathname}-`;
  const cacheName = prefix + site.version;

  sw.addEventListener("install", (event) => {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(cacheName);
        // "no-cache": revalidate with the server, so files the page has just downloaded come back as
        // 304s from the HTTP cache instead of a second full download, and never stale.
        // The header only labels these requests for the benchmark's byte count (bench/run.py).
        const init: RequestInit = { cache: "no-cache", headers: { "X-Wasmblocks-Precache": "1" } };
        await cache.addAll(site.files.map((f) => new Request(new URL(f, scope).href, init)));
        await sw.skipWaiting();
      })(),
    );
  });

  sw.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        for (const key of await caches.keys()) if (key.startsWith(prefix) && key !== cacheName) await caches.delete(key);
        await sw.clients.claim();
      })(),
    );
  });

  sw.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    url.hash = "";
    const inSite = url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
    if (inSite && url.pathname.endsWith("/sw.js")) return;
    event.respondWith(
      (async () => {
        const cache = await caches.open(cacheName);
        // A folder URL is its index.html (the site's, or an app's in a site of several apps); the query
        // (?__theme=dark) does not change the file.
        const key = inSite ? url.origin + url.pathname + (url.pathname.endsWith("/") ? "index.html" : "") : request;
        const hit = await cache.match(key);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok && (inSite || response.type === "cors")) await cache.put(key, response.clone());
        return response;
      })(),
    );
  });
})();

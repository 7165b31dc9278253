// Register the site's service worker (sw.js, written by the export: py/wasmblocks_build/offline.py).
// Its scope is the site's folder, so it works from a sub-path such as https://user.github.io/repo/.

export function registerOffline(base: URL): void {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register(new URL("sw.js", base), { scope: base.pathname }).catch((err) => {
    console.info("wasmblocks: no offline cache for this site:", err?.message ?? err);
  });
}

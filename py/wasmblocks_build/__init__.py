"""Build pipeline for wasmblocks (stdlib only): wheel, bundles, vendored Pyodide, export, dev server."""

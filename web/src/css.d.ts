// Renderers import the stylesheet beside them for its side effect (bundled into assets/wasmblocks.css by
// py/wasmblocks_build/bundle.py); esbuild, not tsc, resolves these files and fails on a missing one.
declare module "*.css";

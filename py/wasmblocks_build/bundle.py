"""Bundle the page, the worker and the styles with esbuild, and type-check web/src with tsc."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .common import CACHE_DIR, NODE_MODULES, ROOT, RUNTIME_DIR, WEB_SRC, fail, is_stale, log, run, touch

ESBUILD = NODE_MODULES / ".bin" / "esbuild"
TSC = NODE_MODULES / ".bin" / "tsc"
TSCONFIG = ROOT / "tsconfig.json"
# Inputs besides the sources: new package versions or compiler settings change the output too.
TOOL_INPUTS = [ROOT / "package-lock.json", TSCONFIG, Path(__file__)]

# (entry relative to web/src, output relative to the runtime dir, extra esbuild flags)
TARGETS = [
    # Code splitting: heavy libraries (CodeMirror, KaTeX, …) are import()ed lazily and land in
    # assets/chunks/, so an app that doesn't use them never downloads them.
    ("pages/app.ts", "assets/wasmblocks.js",
     ["--format=esm", "--target=es2022", "--sourcemap=linked", "--splitting", "--chunk-names=chunks/[name]-[hash]"]),
    # The worker loads Pyodide with import(<computed URL>); esbuild leaves non-literal imports alone.
    ("worker/worker.ts", "assets/worker.js", ["--format=esm", "--target=es2022", "--sourcemap=linked"]),
    # The one stylesheet: every .css file the pages import, lazily loaded components' too (_stylesheet).
    ("stylesheet.ts", "assets/wasmblocks.css", []),
    # KaTeX's CSS with its fonts beside it; gr.Markdown adds the <link> only when it renders math (no CDN).
    ("vendor/katex.css", "assets/katex/katex.css",
     ["--loader:.woff2=file", "--loader:.woff=file", "--loader:.ttf=file", "--asset-names=fonts/[name]"]),
    # Publish and share (docs/publishing.md). The player/editor pages host untrusted code in a sandboxed
    # iframe whose document is inlined (srcdoc), so its script is one self-contained IIFE (no chunks:
    # an opaque-origin document cannot import modules from the site without CORS headers).
    ("pages/share.ts", "assets/share.js", ["--format=esm", "--target=es2022", "--sourcemap=linked"]),
    ("pages/editor.ts", "assets/editor.js", ["--format=esm", "--target=es2022", "--sourcemap=linked"]),
    ("pages/sandbox.ts", "assets/sandbox.js", ["--format=iife", "--target=es2022"]),
    ("worker/sandbox-prelude.ts", "assets/sandbox-prelude.js", ["--format=iife", "--target=es2022"]),
    # The same worker as a classic script: an opaque-origin document may start a classic Blob URL worker
    # but not a module one (Chromium 156); dynamic import() still works inside it.
    ("worker/worker.ts", "assets/worker-classic.js", ["--format=iife", "--target=es2022"]),
    # Embedding (docs/embedding.md): an ES module that exports mount() and defines <wasm-blocks> on import.
    # Split like the page bundle, so CodeMirror, KaTeX, … load only when an embedded app uses them.
    ("pages/embed.ts", "assets/embed.js",
     ["--format=esm", "--target=es2022", "--sourcemap=linked", "--splitting", "--chunk-names=chunks/[name]-[hash]"]),
    # Service worker code; export prepends the site's version and file list and writes it as sw.js.
    ("sw.ts", "assets/sw-core.js", ["--format=iife", "--target=es2022"]),
]


def _tool(path: Path) -> str:
    """Path of a node_modules binary, or a clear error when npm packages are not installed."""
    if not path.exists():
        raise fail(f"{path.relative_to(ROOT)} is missing; run `python3 build.py site` (it runs npm ci)")
    return str(path)


def bundle_outputs(runtime_dir: Path = RUNTIME_DIR) -> list[Path]:
    """The files bundle() writes."""
    return [runtime_dir / out for _, out, _ in TARGETS]


def bundle(runtime_dir: Path = RUNTIME_DIR, web_src: Path = WEB_SRC, force: bool = False) -> list[Path]:
    """Write assets/wasmblocks.js, assets/worker.js and assets/wasmblocks.css under runtime_dir."""
    outputs = bundle_outputs(runtime_dir)
    if not force and not is_stale(outputs, [web_src, *TOOL_INPUTS]):
        return outputs
    esbuild = _tool(ESBUILD)
    # Chunk names carry content hashes: without clearing, every rebuild would leave the previous
    # chunks behind, and exports (and the offline precache) would ship them all.
    shutil.rmtree(runtime_dir / "assets" / "chunks", ignore_errors=True)
    for entry, out, flags in TARGETS:
        src = web_src / entry
        if not src.exists():
            raise fail(f"bundle entry {src} does not exist")
        log(f"bundling {entry} -> {out} …")
        target = runtime_dir / out
        if target.suffix == ".css" and src.suffix == ".ts":
            _stylesheet(esbuild, src, target)
            continue
        if src.suffix == ".ts":
            # Renderers import their CSS; it reaches the page through the stylesheet, not the scripts.
            flags = [*flags, "--loader:.css=empty"]
        # --splitting needs --outdir; `name=entry` keeps the output file name.
        where = (
            [f"{target.stem}={src}", f"--outdir={target.parent}"]
            if "--splitting" in flags
            else [str(src), f"--outfile={target}"]
        )
        run(
            [
                esbuild, *where, "--bundle", "--minify",
                # Explicit so entries outside the repo (tests' stubs) get the same JSX settings.
                f"--tsconfig={TSCONFIG}", "--log-level=warning", *flags,
            ],
            what=f"esbuild {entry}",
        )
    return outputs


def _stylesheet(esbuild: str, src: Path, target: Path) -> None:
    """Write the CSS that the modules reachable from `src` import to `target`, in import order.

    Bundled without code splitting, so the CSS of lazily imported modules (Chatbot, Dataframe, …) is
    in the one file the page loads up front; the JavaScript of that bundle is thrown away.
    """
    with tempfile.TemporaryDirectory() as work:
        run(
            [esbuild, str(src), f"--outdir={work}", "--bundle", "--minify", "--format=esm",
             f"--tsconfig={TSCONFIG}", "--log-level=warning"],
            what=f"esbuild {src.name}",
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(work) / f"{src.stem}.css", target)


def typecheck(force: bool = False) -> None:
    """Run `tsc -p tsconfig.json` (noEmit); raise with tsc's output when web/src has type errors."""
    stamp = CACHE_DIR / "typecheck.stamp"
    if not force and not is_stale([stamp], [WEB_SRC, *TOOL_INPUTS]):
        return
    log("type-checking web/src (tsc) …")
    run([_tool(TSC), "-p", str(TSCONFIG), "--pretty", "false"], what="tsc type check", capture=True)
    touch(stamp)

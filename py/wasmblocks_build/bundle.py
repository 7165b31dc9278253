"""Bundle the page, the worker and the styles with esbuild, and type-check web/src with tsc."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from .common import (
    CACHE_DIR,
    NODE_MODULES,
    ROOT,
    RUNTIME_DIR,
    WEB_SRC,
    fail,
    is_stale,
    log,
    project_version,
    run,
    touch,
)

ESBUILD = NODE_MODULES / ".bin" / "esbuild"
TSC = NODE_MODULES / ".bin" / "tsc"
TSCONFIG = ROOT / "tsconfig.json"
# Inputs besides the sources: new package versions or compiler settings change the output too.
TOOL_INPUTS = [ROOT / "package-lock.json", TSCONFIG, Path(__file__)]

# The ES module pages, bundled in ONE esbuild run with code splitting: heavy libraries (CodeMirror, KaTeX,
# plotly, …) are import()ed lazily and land in assets/chunks/, so an app that doesn't use them never
# downloads them, and code two pages share (the renderer, Preact) is one chunk, not a copy per page.
# (name in assets/, entry relative to web/src)
SPLIT_ENTRIES = [
    ("wasmblocks", "pages/app.ts"),  # the export's index page
    # Embedding (docs/embedding.md): exports mount() and defines <wasm-blocks> on import.
    ("embed", "pages/embed.ts"),
    # Publish and share (docs/publishing.md): the player and the editor pages, and the script of the
    # sandboxed iframe they host untrusted code in. That iframe has an opaque origin and cannot import
    # the site's modules itself (no CORS on static hosts); web/src/share/sandbox-host.ts loads sandbox.js
    # and the chunks it imports through the hosting page with es-module-shims.
    ("share", "pages/share.ts"),
    ("editor", "pages/editor.ts"),
    ("sandbox", "pages/sandbox.ts"),
]
SPLIT_FLAGS = [
    "--format=esm", "--target=es2022", "--sourcemap=linked", "--splitting", "--chunk-names=chunks/[name]-[hash]",
]
# es-module-shims (a module loader with fetch/source hooks), inlined into the sandboxed iframe's document.
MODULE_SHIMS = (NODE_MODULES / "es-module-shims" / "dist" / "es-module-shims.js", "assets/es-module-shims.js")

# (entry relative to web/src, output relative to the runtime dir, extra esbuild flags)
TARGETS = [
    # The worker loads Pyodide with import(<computed URL>); esbuild leaves non-literal imports alone.
    ("worker/worker.ts", "assets/worker.js", ["--format=esm", "--target=es2022", "--sourcemap=linked"]),
    # The one stylesheet: every .css file the pages import, lazily loaded components' too (_stylesheet).
    ("stylesheet.ts", "assets/wasmblocks.css", []),
    # KaTeX's CSS with its fonts beside it; gr.Markdown adds the <link> only when it renders math (no CDN).
    ("vendor/katex.css", "assets/katex/katex.css",
     ["--loader:.woff2=file", "--loader:.woff=file", "--loader:.ttf=file", "--asset-names=fonts/[name]"]),
    ("worker/sandbox-prelude.ts", "assets/sandbox-prelude.js", ["--format=iife", "--target=es2022"]),
    # The same worker as a classic script: an opaque-origin document may start a classic Blob URL worker
    # but not a module one (Chromium 156); dynamic import() still works inside it.
    ("worker/worker.ts", "assets/worker-classic.js", ["--format=iife", "--target=es2022"]),
    # Service worker code; export prepends the site's version and file list and writes it as sw.js.
    ("sw.ts", "assets/sw-core.js", ["--format=iife", "--target=es2022"]),
]


def _tool(path: Path) -> str:
    """Path of a node_modules binary, or a clear error when npm packages are not installed."""
    if not path.exists():
        raise fail(f"{path.relative_to(ROOT)} is missing; run `python3 build.py site` (it runs npm ci)")
    return str(path)


def bundle_outputs(runtime_dir: Path = RUNTIME_DIR) -> list[Path]:
    """The files bundle() writes (besides the chunks)."""
    split = [runtime_dir / "assets" / f"{name}.js" for name, _ in SPLIT_ENTRIES]
    return split + [runtime_dir / out for _, out, _ in TARGETS] + [runtime_dir / MODULE_SHIMS[1]]


def bundle(runtime_dir: Path = RUNTIME_DIR, web_src: Path = WEB_SRC, force: bool = False) -> list[Path]:
    """Write assets/wasmblocks.js, assets/worker.js and assets/wasmblocks.css under runtime_dir."""
    outputs = bundle_outputs(runtime_dir)
    # pyproject.toml: the version the bundles carry (__WASMBLOCKS_VERSION__).
    if not force and not is_stale(outputs, [web_src, *TOOL_INPUTS, ROOT / "pyproject.toml"]):
        return outputs
    esbuild = _tool(ESBUILD)
    # Chunk names carry content hashes: without clearing, every rebuild would leave the previous
    # chunks behind, and exports (and the offline precache) would ship them all.
    shutil.rmtree(runtime_dir / "assets" / "chunks", ignore_errors=True)
    # The release the renderer belongs to: a PyScript page's wheel of another version is refused by it.
    version = f"--define:__WASMBLOCKS_VERSION__={json.dumps(project_version())}"
    common = ["--bundle", "--minify", f"--tsconfig={TSCONFIG}", "--log-level=warning", version]
    for _, entry in SPLIT_ENTRIES:
        if not (web_src / entry).exists():
            raise fail(f"bundle entry {web_src / entry} does not exist")
    log(f"bundling {', '.join(entry for _, entry in SPLIT_ENTRIES)} -> assets/ (shared chunks) …")
    # `name=entry` keeps each output's file name; --splitting needs --outdir.
    # Renderers import their CSS; it reaches the page through the stylesheet, not the scripts.
    run([esbuild, *(f"{name}={web_src / entry}" for name, entry in SPLIT_ENTRIES),
         f"--outdir={runtime_dir / 'assets'}", *common, *SPLIT_FLAGS, "--loader:.css=empty"], what="esbuild (pages)")
    shims, shims_out = MODULE_SHIMS
    if not shims.is_file():
        raise fail(f"{shims.relative_to(ROOT)} is missing; run `python3 build.py site` (it runs npm ci)")
    shutil.copyfile(shims, runtime_dir / shims_out)
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
        # --tsconfig is explicit so entries outside the repo (tests' stubs) get the same JSX settings.
        run([esbuild, str(src), f"--outfile={target}", *common, *flags], what=f"esbuild {entry}")
    woff2_only(runtime_dir / "assets" / "katex")
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


# A KaTeX @font-face lists each font as woff2, woff and ttf; a browser takes the first it supports, and
# every browser with WebAssembly stack switching reads woff2, so the other two are never fetched.
FONT_FALLBACK = re.compile(r',url\("?[^)"]+\.(?:woff|ttf)"?\) format\("(?:woff|truetype)"\)')


def woff2_only(katex_dir: Path) -> None:
    """Drop the woff and ttf fallbacks from KaTeX's CSS and fonts folder (0.75 MB of the site)."""
    css = katex_dir / "katex.css"
    if not css.is_file():
        return
    css.write_text(FONT_FALLBACK.sub("", css.read_text(encoding="utf-8")), encoding="utf-8")
    for font in (katex_dir / "fonts").glob("*"):
        if font.suffix in (".woff", ".ttf"):
            font.unlink()


def typecheck(force: bool = False) -> None:
    """Run `tsc -p tsconfig.json` (noEmit); raise with tsc's output when web/src or tests/web has type errors."""
    stamp = CACHE_DIR / "typecheck.stamp"
    if not force and not is_stale([stamp], [WEB_SRC, ROOT / "tests" / "web", *TOOL_INPUTS]):
        return
    log("type-checking web/src and tests/web (tsc) …")
    run([_tool(TSC), "-p", str(TSCONFIG), "--pretty", "false"], what="tsc type check", capture=True)
    touch(stamp)

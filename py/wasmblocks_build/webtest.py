"""The TypeScript unit tests (tests/web/*.test.ts): bundled for Node with esbuild, run with Node's own `node --test`.

They test web/src/client/ (store, dispatcher, coalescer, files, uploads) and the sandbox message checks without a
browser: no test framework beyond Node's, no dependency beyond esbuild. Each test file is bundled with what it
imports (JSON case tables such as tests/data/chain_cases.json too) into build/cache/web-tests/.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .bundle import ESBUILD, _tool
from .common import CACHE_DIR, ROOT, fail, log, run

WEB_TESTS = ROOT / "tests" / "web"
OUT_DIR = CACHE_DIR / "web-tests"


def is_web_test(arg: str) -> bool:
    """Whether a `build.py test` argument names TS tests: tests/web, or a file in it."""
    path = (ROOT / arg).resolve()
    return path == WEB_TESTS or (path.parent == WEB_TESTS and path.name.endswith(".test.ts"))


def chosen_files(args: list[str] | None = None) -> list[Path]:
    """The test files `args` name (tests/web or files in it), or every one when none is named."""
    everything = sorted(WEB_TESTS.glob("*.test.ts"))
    if not args:
        return everything
    chosen: list[Path] = []
    for arg in args:
        path = (ROOT / arg).resolve()
        chosen += everything if path == WEB_TESTS else [path]
    return chosen


def web_tests(args: list[str] | None = None) -> int:
    """Bundle and run the TS tests; returns node's exit status (0 when every test passed)."""
    files = chosen_files(args)
    if not files:
        return 0
    node = shutil.which("node")
    if node is None:
        raise fail("node not found: install Node.js 20+ to run the TypeScript tests")
    if OUT_DIR.exists():
        shutil.rmtree(OUT_DIR)
    log(f"running the TypeScript tests ({len(files)} files, node --test) …")
    # .mjs: Node reads the bundles as ES modules wherever they are. CSS imports bundle to nothing in Node.
    run([_tool(ESBUILD), *(str(f) for f in files), "--bundle", "--platform=node", "--format=esm",
         "--target=node20", "--sourcemap=inline", "--loader:.css=empty", "--log-level=warning",
         f"--outdir={OUT_DIR}", "--out-extension:.js=.mjs"], what="esbuild (TypeScript tests)")
    bundles = [str(OUT_DIR / f.name.replace(".ts", ".mjs")) for f in files]
    return subprocess.run([node, "--enable-source-maps", "--test", "--test-reporter=spec", *bundles],
                          cwd=ROOT).returncode

"""`export --pyscript`: what a PyScript page needs to run wasmblocks in PyScript's own interpreter.

OUT/pyscript/ gets PyScript itself (`core/`: the dist of the @pyscript/core that package-lock.json pins),
PyScript's mini-coi service worker (cross-origin isolation on hosts that send no headers), `pyscript.json`
(PyScript's interpreter: the export's Pyodide; packages: the export's wheel) and `index.html`, the page of
docs/pyscript.md. Everything is relative, so the folder works on GitHub Pages at any sub-path and offline.
The page has a folder of its own so that mini-coi's scope never covers the export's pages, whose offline
service worker (sw.js) it would otherwise replace.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .common import NODE_MODULES, WEB_DIR, fail

FOLDER = "pyscript"
PYSCRIPT_DIST = NODE_MODULES / "@pyscript" / "core" / "dist"
MINI_COI = NODE_MODULES / "mini-coi" / "mini-coi.js"
PAGE_TEMPLATE = WEB_DIR / "pages" / "pyscript.html"


def pyscript_config(wheel: str) -> dict:
    """pyscript.json for a page in OUT/pyscript/; `wheel` is the wheel's path in the site (runtime.json's).

    PyScript resolves these against the config file (a worker) or the page (the main thread): the same
    folder. packages_cache "never": PyScript would otherwise keep micropip's lock of the wheel in
    IndexedDB, and a rebuilt wheel of the same version would then no longer match it.
    """
    return {
        "interpreter": "../pyodide/pyodide.mjs",
        "packages": [f"../{wheel}"],
        "packages_cache": "never",
    }


def write_pyscript(outdir: Path, wheel: str) -> Path:
    """Write OUT/pyscript/ (see the module docstring; export drops its source maps); returns that folder."""
    for source in (PYSCRIPT_DIST / "core.js", MINI_COI):
        if not source.is_file():
            raise fail(f"{source} is missing; run `python3 build.py site` (it runs npm ci)")
    folder = outdir / FOLDER
    core = folder / "core"
    if core.exists():
        shutil.rmtree(core)  # chunk names carry hashes: an older PyScript's must not stay behind
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(PYSCRIPT_DIST, core)
    shutil.copyfile(MINI_COI, folder / "mini-coi.js")
    config = json.dumps(pyscript_config(wheel), indent=2) + "\n"
    (folder / "pyscript.json").write_text(config, encoding="utf-8")
    shutil.copyfile(PAGE_TEMPLATE, folder / "index.html")
    return folder


"""Write sw.js, the service worker that lets a published site start from cache and without a network.

sw.js = a line naming this export's version and file list + the bundled worker code (assets/sw-core.js,
from web/src/sw.ts). The version is a hash of every file of the site, so a new export changes sw.js,
the browser installs the new worker, and it replaces the old cache in one step (docs/publishing.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .requirements import lock_closure
from .vendor import CORE_FILES as PYODIDE_CORE

SW_NAME = "sw.js"
SW_CORE = "assets/sw-core.js"
# Not worth caching: source maps are for devtools; sw.js is fetched by the browser itself.
SKIP_SUFFIXES = (".map",)
# What the app page needs to start with no network: precached when the worker installs. Everything else
# (lazily imported chunks such as CodeMirror or plotly, KaTeX fonts, the editor and the share player) is
# cached the first time a page fetches it, so a first visit doesn't download megabytes it never uses.
# The chunks the page bundle imports statically are part of the core (page_chunks); the pages share one
# chunk graph with the editor and the player, whose shared chunks (CodeMirror, …) are not.
PAGE_ENTRY = "assets/wasmblocks.js"
CORE_FILES = ("index.html", "runtime.json", PAGE_ENTRY, "assets/wasmblocks.css", "assets/worker.js")
CORE_PREFIXES = ("app/", "pyodide/", "snapshot/", "wheels/", "packages/")
STATIC_IMPORT = re.compile(r'(?:\bfrom|\bimport)\s*"(\.{1,2}/[^"]+\.js)"')


def page_chunks(outdir: Path) -> frozenset[str]:
    """The site-relative chunks the page bundle imports statically, and theirs: they load with the page.

    esbuild writes every static import of its ES module output as `from"./x.js"` or `import"./x.js"`."""
    found: set[str] = set()
    todo = [outdir / PAGE_ENTRY]
    while todo:
        module = todo.pop()
        if not module.is_file():
            continue
        for match in STATIC_IMPORT.finditer(module.read_text(encoding="utf-8")):
            dep = (module.parent / match.group(1)).resolve()
            rel = dep.relative_to(outdir.resolve()).as_posix()
            if rel not in found:
                found.add(rel)
                todo.append(dep)
    return frozenset(found)


# An app's own files in a site of several (wasmblocks_build/many_apps.py): OUT/<name>/ + these.
APP_FILES = ("index.html", "runtime.json")


def precached(
    rel: str, boot_packages: frozenset[str] = frozenset(), chunks: frozenset[str] = frozenset(),
    apps: tuple[str, ...] = (),
) -> bool:
    """Whether the service worker downloads this file at install (else on first use).

    Of pyodide/, the core and the packages the app's boot loads (boot_packages); other package archives
    there (micropip, tzdata, …) are loaded only when something asks for them, and cached then. Of the
    chunks, those the page imports statically (chunks, from page_chunks). apps: the app folders of a site
    of several, whose page, runtime.json and app/ are precached too.
    """
    if rel.startswith("pyodide/") and rel.removeprefix("pyodide/") not in PYODIDE_CORE:
        return rel in boot_packages
    for name in apps:
        if rel.startswith(name + "/"):
            own = rel.removeprefix(name + "/")
            return own in APP_FILES or own.startswith("app/")
    return rel in CORE_FILES or rel.startswith(CORE_PREFIXES) or rel in chunks


def boot_packages(outdir: Path, app_folder: str = "") -> frozenset[str]:
    """The pyodide/ archives an export's app loads while it starts: its install plan's Pyodide packages
    with their lock dependencies, and micropip (with packaging) when wheels or raw requirements remain."""
    try:
        manifest = json.loads((outdir / app_folder / "app" / "manifest.json").read_text(encoding="utf-8"))
        lock = json.loads((outdir / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    plan = manifest.get("install")
    names = list(plan.get("pyodide", [])) if plan else []
    if (plan and plan.get("wheels")) or (not plan and manifest.get("requirements")):
        names.append("micropip")
    files = (lock["packages"][name]["file_name"] for name in lock_closure(lock, names))
    return frozenset(f"pyodide/{f}" for f in files if "://" not in f)


# The dev server's sw.js: removes any caching worker a previous export left on this origin and path,
# so `serve` always shows fresh files.
KILL_SWITCH = """// wasmblocks dev server: no offline cache; remove a caching worker left by an earlier export.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const key of await caches.keys()) if (key.startsWith("wasmblocks-")) await caches.delete(key);
  await self.registration.unregister();
})()));
"""


def site_files(outdir: Path) -> list[str]:
    """Relative paths of the files the service worker precaches, sorted."""
    files = []
    for path in sorted(outdir.rglob("*")):
        rel = path.relative_to(outdir).as_posix()
        if not path.is_file() or rel == SW_NAME or rel.endswith(SKIP_SUFFIXES) or rel.startswith("."):
            continue
        files.append(rel)
    return files


def site_version(outdir: Path, files: list[str]) -> str:
    """16 hex digits of sha256 over every precached file's path and bytes."""
    h = hashlib.sha256()
    for rel in files:
        h.update(rel.encode() + b"\0")
        with open(outdir / rel, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()[:16]


def write_service_worker(outdir: Path, enabled: bool = True, apps: list[str] | None = None) -> Path:
    """Write outdir/sw.js: the caching worker for this export, or the self-removing one (enabled=False).

    apps: the app folders of a site of several; one worker (scope: the site) caches the runtime for all."""
    target = outdir / SW_NAME
    if not enabled:
        target.write_text(KILL_SWITCH, encoding="utf-8")
        return target
    core = (outdir / SW_CORE).read_text(encoding="utf-8")
    files = site_files(outdir)
    # The version covers every file, so a changed chunk still replaces the cache; only the core is precached.
    folders = tuple(apps or ())
    boot = frozenset().union(*(boot_packages(outdir, name) for name in folders or ("",)))
    chunks = page_chunks(outdir)
    precache = [f for f in files if precached(f, boot, chunks, folders)]
    head = f"self.WASMBLOCKS_SITE = {json.dumps({'version': site_version(outdir, files), 'files': precache})};\n"
    target.write_text(head + core, encoding="utf-8")
    return target

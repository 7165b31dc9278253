"""Export an app (one .py file or a directory) as a static site: runtime + index.html + app/ + manifest."""

from __future__ import annotations

import html
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .common import INSTALLED, PAGE_TEMPLATE, RUNTIME_DIR, fail, log
from .early_tree import early_tree, embed_early_tree
from .offline import write_service_worker
from .publish import install_plan, share_readable, vendor_packages, write_pages, write_share_readable
from .pyscript import write_pyscript
from .requirements import implied_packages, implied_requirements
from .site import build_runtime
from .snapshot import app_snapshot, install_snapshot, preload_snapshot, remove_snapshot

TITLE_PLACEHOLDER = "{{title}}"
# The page template's URLs of the shared runtime (not runtime.json, which each app has next to its page).
RUNTIME_URL = re.compile(r'(["\'])((?:assets|pyodide)/)')


def _is_shipped(rel: Path) -> bool:
    """Whether a file below the app directory belongs in the export (no hidden files, caches, bytecode)."""
    if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
        return False
    return rel.suffix != ".pyc"


def collect_app(app: Path, exclude: Path | None = None) -> tuple[str, list[Path], dict]:
    """Find (entrypoint, source files, manifest) for an app file or directory; exclude skips the output dir."""
    if not app.exists():
        raise fail(f"app not found: {app}")
    if app.is_file():
        if app.suffix != ".py":
            raise fail(f"app file must be a .py file: {app}")
        return app.name, [app], {"entrypoint": app.name, "files": [app.name], "requirements": []}

    files = []
    for path in sorted(p for p in app.rglob("*") if p.is_file()):
        if exclude is not None and path.resolve().is_relative_to(exclude):
            continue
        if _is_shipped(path.relative_to(app)):
            files.append(path)
    top_level_py = sorted(p.name for p in files if p.parent == app and p.suffix == ".py")
    if "app.py" in top_level_py:
        entry = "app.py"
    elif len(top_level_py) == 1:
        entry = top_level_py[0]
    elif not top_level_py:
        raise fail(f"no entry file in {app}: add app.py (or a single .py file)")
    else:
        raise fail(f"no entry file in {app}: several .py files ({', '.join(top_level_py)}) and no app.py")
    manifest = {
        "entrypoint": entry,
        "files": [p.relative_to(app).as_posix() for p in files],
        "requirements": read_requirements(app / "requirements.txt"),
    }
    return entry, files, manifest


def read_requirements(path: Path) -> list[str]:
    """Requirement lines of a requirements.txt (comments and blank lines dropped); [] when absent."""
    if not path.is_file():
        return []
    reqs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            reqs.append(line)
    return reqs


def write_index(outdir: Path, title: str, template: Path = PAGE_TEMPLATE) -> Path:
    """Write index.html with the app's name as a provisional title (the page sets the real one)."""
    page = template.read_text(encoding="utf-8").replace(TITLE_PLACEHOLDER, html.escape(title))
    target = outdir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def copy_runtime(runtime_dir: Path, outdir: Path) -> None:
    """Copy the runtime, replacing runtime parts from an earlier export so no stale file survives."""
    for item in runtime_dir.iterdir():
        target = outdir / item.name
        if target.is_dir():
            shutil.rmtree(target)
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy2(item, target)


def drop_source_maps(outdir: Path) -> None:
    """Delete the site's .map files and the comments that point at them (devtools would ask for them)."""
    for folder in ("assets", "pyodide", "pyscript"):
        for path in (outdir / folder).rglob("*"):
            if path.suffix == ".map":
                path.unlink()
            elif path.suffix in (".js", ".mjs") and path.is_file():
                data = path.read_bytes()
                at = data.rfind(b"\n//# sourceMappingURL=")
                if at != -1 and b"\n" not in data[at + 1:].rstrip(b"\n"):
                    path.write_bytes(data[:at + 1])


# Runtime files no page of an export loads: Pyodide's UMD loader (our pages and workers import pyodide.mjs).
UNUSED_RUNTIME_FILES = ("pyodide/pyodide.js",)


def drop_unused(outdir: Path, *, keep_wheel: bool) -> None:
    """Leave out what no page of the site loads: UNUSED_RUNTIME_FILES, and the package's .whl, which ships
    a second time as the smaller wheels/*.tar.gz the worker unpacks (runtime.json "sources"); only the
    PyScript page (keep_wheel) installs the .whl itself."""
    for rel in UNUSED_RUNTIME_FILES:
        (outdir / rel).unlink(missing_ok=True)
    info_path = outdir / "runtime.json"
    info = json.loads(info_path.read_text(encoding="utf-8"))
    if keep_wheel or "sources" not in info or not (outdir / info["sources"]).is_file():
        return
    (outdir / info.pop("wheel")).unlink(missing_ok=True)
    info_path.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")


def export(
    app: str | Path, outdir: str | Path, *, runtime_dir: Path = RUNTIME_DIR, build: bool = True, snapshot: bool = True,
    vendor: bool = False, index_url: str | None = None, offline: bool = True,
    share_readable_paths: list[str] | None = None, sourcemaps: bool = False, pyscript: bool = False,
    draw_early: bool = True,
) -> Path:
    """Build the runtime (unless build=False) and write a static site for app into outdir.

    snapshot=False ships no memory snapshot (the worker then boots Pyodide from scratch).
    vendor/index_url: where requirements load from (publish.install_plan); offline=False (dev server)
    writes a service worker that removes itself instead of one that caches the site.
    share_readable_paths: site files or folders code from share links may read besides the runtime.
    sourcemaps=False leaves out the .map files (a third of the runtime's size; only devtools read them).
    pyscript=True adds OUT/pyscript/: PyScript, mini-coi and a page that runs wasmblocks in PyScript's
    interpreter (wasmblocks_build/pyscript.py, docs/pyscript.md).
    draw_early=False skips running the app under CPython for the tree the page draws while Python boots
    (wasmblocks_build/early_tree.py).
    Several apps in one site, sharing one runtime: wasmblocks_build/many_apps.py.
    """
    app = Path(app).resolve()
    outdir = Path(outdir).resolve()
    check_app_and_outdir(app, outdir)
    _entry, files, manifest = collect_app(app, exclude=outdir)
    readable = share_readable(share_readable_paths or [])  # a bad path fails before any work
    prepare_runtime(runtime_dir, build=build, snapshot=snapshot, sourcemaps=sourcemaps)

    log(f"exporting {app.name} -> {outdir} …")
    write_runtime(runtime_dir, outdir, sourcemaps=sourcemaps, pyscript=pyscript, title=app.stem)
    write_app(app, files, manifest, AppSite(runtime_dir, outdir, outdir), snapshot=snapshot, vendor=vendor,
              index_url=index_url, draw_early=draw_early)
    write_share_readable(outdir, readable)
    write_service_worker(outdir, enabled=offline)  # last: its cache version hashes every other file
    return outdir


# ---- stages, shared with many_apps.py ----

def check_app_and_outdir(app: Path, outdir: Path) -> None:
    """Refuse a missing app and an output folder that would overwrite it (export clears parts of outdir)."""
    if not app.exists():
        raise fail(f"app not found: {app}")
    # export clears OUT/app/ and runtime folders, which must never hold the app's own sources.
    if outdir == app or app.is_relative_to(outdir / "app") or (app.is_dir() and app.is_relative_to(outdir)):
        raise fail(f"output directory {outdir} would overwrite the app itself")
    if outdir.exists() and not outdir.is_dir():
        raise fail(f"output path exists and is not a directory: {outdir}")


def prepare_runtime(runtime_dir: Path, *, build: bool, snapshot: bool, sourcemaps: bool) -> None:
    """Build the runtime when this is a checkout (build=True) and check it has what the export needs."""
    if build and not INSTALLED:  # installed: the wheel's prebuilt runtime is the build
        build_runtime(runtime_dir, snapshot=snapshot)
    if not (runtime_dir / "runtime.json").exists():
        raise fail(f"no runtime in {runtime_dir}; run `python3 build.py site`")
    if sourcemaps and not (runtime_dir / "assets" / "wasmblocks.js.map").is_file():
        raise fail("this runtime has no source maps (the installed wheel leaves them out); export from a "
                   "source checkout with `python3 build.py export … --sourcemaps` to get them")


def write_runtime(runtime_dir: Path, outdir: Path, *, sourcemaps: bool, pyscript: bool, title: str) -> None:
    """The app-independent part of a site: runtime files, the player and editor pages, .nojekyll."""
    outdir.mkdir(parents=True, exist_ok=True)
    copy_runtime(runtime_dir, outdir)
    if pyscript:
        wheel = json.loads((runtime_dir / "runtime.json").read_text(encoding="utf-8"))["wheel"]
        write_pyscript(outdir, wheel)
    if not sourcemaps:
        drop_source_maps(outdir)
    drop_unused(outdir, keep_wheel=pyscript)
    write_pages(outdir, title)
    (outdir / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages: serve files as they are


@dataclass(frozen=True)
class AppSite:
    """Where one app goes: the runtime it was built from, the site root, and the app's own folder.

    The app's folder is the site root for a one-app export, site/<name>/ in a site of several
    (many_apps.py); its index.html, runtime.json and app/ then point one level up for the runtime.
    """

    runtime_dir: Path
    site: Path
    folder: Path

    @property
    def up(self) -> str:
        """The relative URL prefix from the app's folder to the site root ("" or "../")."""
        return "" if self.folder == self.site else "../"


def write_app(
    app: Path, files: list[Path], manifest: dict, where: AppSite, *, snapshot: bool, vendor: bool,
    index_url: str | None, draw_early: bool, keep_snapshots: bool = False, clear_packages: bool = True,
) -> None:
    """Write one app into where.folder: app/ with manifest.json, index.html (early tree, snapshot hint),
    runtime.json naming its snapshot. keep_snapshots/clear_packages=False: other apps of the site share
    snapshot/ and packages/."""
    app_out = where.folder / "app"
    if app_out.exists():
        shutil.rmtree(app_out)
    app_out.mkdir(parents=True)
    base = app.parent if app.is_file() else app
    for path in files:
        target = app_out / path.relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    app_dir = base if app.is_dir() else None
    index = where.folder / "index.html"
    if where.up:
        write_app_page(index, app.stem, where.up)
    _write_early_tree(index, files, base, manifest["entrypoint"], draw_early)
    manifest["requirements"] += implied_requirements(files, manifest["requirements"])
    plan = install_plan(where.site, manifest["requirements"], app_dir, vendor=vendor, index_url=index_url,
                        clear=clear_packages)
    # Loaded from the boot on, in the background: an input whose type needs one then finds it there.
    prefetch = implied_packages(files, plan["pyodide"])
    if prefetch:
        plan["prefetch"] = prefetch
        if vendor:  # the site must not need the CDN for these either
            vendor_packages(where.site, prefetch, index_url)
    plan["wheels"] = [w if "://" in w else where.up + w for w in plan["wheels"]]
    manifest["install"] = plan
    (app_out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    _write_snapshot(where, files, snapshot, keep_snapshots)


def write_app_page(index: Path, title: str, up: str) -> None:
    """index.html for an app one folder below the runtime: the template with its runtime URLs pointing up.

    runtime.json stays next to the page (each app names its own snapshot); assets/ and pyodide/ are the
    site's, so every app of the site loads them from the same URLs and the browser's cache serves the next.
    """
    page = PAGE_TEMPLATE.read_text(encoding="utf-8").replace(TITLE_PLACEHOLDER, html.escape(title))
    page = RUNTIME_URL.sub(lambda m: m.group(1) + up + m.group(2), page)
    index.write_text(page, encoding="utf-8")


def _write_early_tree(index: Path, files: list[Path], base: Path, entrypoint: str, enabled: bool) -> None:
    """Embed the app's component tree, made under CPython, for the page to draw while Python boots."""
    if not enabled:
        return
    tree = early_tree(files, base, entrypoint)
    if tree.message is None:
        log(f"note: the page draws once Python has started: the app could not run at build time ({tree.reason})")
        return
    embed_early_tree(index, tree.message)
    log("the page draws the app from its tree made at build time while Python starts")


def _write_snapshot(where: AppSite, files: list[Path], enabled: bool, keep_others: bool) -> None:
    """Ship the snapshot that fits the app (with its stdlib imports preloaded), or none at all; the app's
    runtime.json names it (URLs relative to the app's folder)."""
    info = json.loads((where.site / "runtime.json").read_text(encoding="utf-8"))
    if enabled:
        built = json.loads((where.runtime_dir / "runtime.json").read_text(encoding="utf-8"))
        wheel = where.runtime_dir / built["wheel"]
        made = app_snapshot(where.runtime_dir / "pyodide", wheel, files)
        info["snapshot"] = install_snapshot(where.site, *made, alone=not keep_others)
    else:
        remove_snapshot(where.site)
        info.pop("snapshot", None)
    if where.up:
        for key in ("wheel", "sources", "pyodide"):
            if key in info:
                info[key] = where.up + info[key]
        if "snapshot" in info:
            info["snapshot"]["url"] = where.up + info["snapshot"]["url"]
    (where.folder / "runtime.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    preload_snapshot(where.folder / "index.html", info.get("snapshot"))

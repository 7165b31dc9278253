"""Build the app-independent runtime (build/runtime/): npm, type check, bundles, wheel, Pyodide, snapshot,
runtime.json."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path
from typing import Any

from .bundle import bundle, typecheck
from .common import PKG_DIR, RUNTIME_DIR, WEB_SRC, project_version
from .compress import gzip_smallest
from .npm import ensure_node_modules
from .snapshot import install_snapshot, make_snapshot, remove_snapshot
from .vendor import vendor
from .wheel import build_wheel

# The package's sample media, as archive paths (left out of the sources archive: copy_media).
MEDIA_IN_PACKAGE = "wasmblocks/media_assets/"


def write_sources_archive(wheel: Path) -> Path:
    """wheels/<name>.tar.gz: the wheel's files as one gzip stream, which the worker unpacks at boot.

    A wheel compresses each file on its own; one stream over all of them is about 35 % smaller (zopfli,
    see compress.py), and the worker downloads this on every first visit. Deterministic (sorted, fixed dates),
    rebuilt with the wheel; the wheel's RECORD and license file are left out.
    """
    target = wheel.with_name(wheel.name.removesuffix("-py3-none-any.whl") + ".tar.gz")
    if target.exists() and target.stat().st_mtime >= wheel.stat().st_mtime:
        return target
    for old in wheel.parent.glob("*.tar.gz"):
        old.unlink()
    raw = io.BytesIO()
    with zipfile.ZipFile(wheel) as zf, tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(zf.namelist()):
            if name.endswith(".dist-info/RECORD") or ".dist-info/licenses/" in name:
                continue  # hashes for installers (incompressible), the license text: nothing reads them at run time
            if name.startswith(MEDIA_IN_PACKAGE):
                continue  # gr.get_image() & co. fetch a sample when an app asks for it (copy_media)
            data = zf.read(name)
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(gzip_smallest(raw.getvalue()))
    tmp.replace(target)
    return target


def copy_media(pkg_dir: Path, runtime_dir: Path) -> Path:
    """runtime/media/: the sample files of gr.get_image() & co., one static file each.

    Every page downloads the package archive, and few apps use the samples, so they are left out of it and
    the worker fetches the one an app asks for (wasmblocks/media.py). The wheel keeps them (micropip, CPython).
    """
    source, target = pkg_dir / "media_assets", runtime_dir / "media"
    if target.exists():
        shutil.rmtree(target)
    if source.is_dir():
        shutil.copytree(source, target)
    return target


def write_runtime_json(runtime_dir: Path, wheel: Path, snapshot: dict | None = None) -> Path:
    """Write runtime.json, which tells the page where the wheel, Pyodide and the snapshot are (relative URLs).

    "sources" is the same package as a .tar.gz (smaller download); the worker prefers it to the wheel.
    """
    info: dict[str, Any] = {
        "version": project_version(),
        "wheel": wheel.relative_to(runtime_dir).as_posix(),
        "pyodide": "pyodide/",
    }
    sources = write_sources_archive(wheel)
    info["sources"] = sources.relative_to(runtime_dir).as_posix()
    if snapshot:
        info["snapshot"] = snapshot
    path = runtime_dir / "runtime.json"
    text = json.dumps(info, indent=2) + "\n"
    # Rewriting an unchanged file would bump its mtime and make every export look new.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def build_runtime(
    runtime_dir: Path = RUNTIME_DIR,
    *,
    web_src: Path = WEB_SRC,
    pkg_dir: Path = PKG_DIR,
    check_types: bool = True,
    force: bool = False,
    snapshot: bool = True,
) -> Path:
    """Bring runtime_dir up to date; each stage is skipped when its outputs are newer than its inputs."""
    # web_src/pkg_dir/check_types exist so tests can build a throwaway runtime from stub sources.
    runtime_dir.mkdir(parents=True, exist_ok=True)
    ensure_node_modules()
    if check_types and web_src == WEB_SRC:
        typecheck(force=force)  # tsc reads tsconfig.json, which only knows the real web/src
    bundle(runtime_dir, web_src, force=force)
    wheel = build_wheel(runtime_dir / "wheels", pkg_dir, force=force)
    copy_media(pkg_dir, runtime_dir)
    pyodide_dir = vendor(runtime_dir, force=force)
    entry = None
    if snapshot:
        # The app-independent snapshot: wasmblocks imported. An export may swap in one with the app's imports.
        entry = install_snapshot(runtime_dir, *make_snapshot(pyodide_dir, wheel))
    else:
        remove_snapshot(runtime_dir)
    write_runtime_json(runtime_dir, wheel, entry)
    return runtime_dir

"""Build the app-independent runtime (build/runtime/): npm, type check, bundles, wheel, Pyodide, snapshot,
runtime.json."""

from __future__ import annotations

import json
from pathlib import Path

from .bundle import bundle, typecheck
from .common import PKG_DIR, RUNTIME_DIR, WEB_SRC, project_version
from .npm import ensure_node_modules
from .snapshot import install_snapshot, make_snapshot, remove_snapshot
from .vendor import vendor
from .wheel import build_wheel


def write_runtime_json(runtime_dir: Path, wheel: Path, snapshot: dict | None = None) -> Path:
    """Write runtime.json, which tells the page where the wheel, Pyodide and the snapshot are (relative URLs)."""
    info = {
        "version": project_version(),
        "wheel": wheel.relative_to(runtime_dir).as_posix(),
        "pyodide": "pyodide/",
    }
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
    pyodide_dir = vendor(runtime_dir, force=force)
    entry = None
    if snapshot:
        # The app-independent snapshot: wasmblocks imported. An export may swap in one with the app's imports.
        entry = install_snapshot(runtime_dir, *make_snapshot(pyodide_dir, wheel))
    else:
        remove_snapshot(runtime_dir)
    write_runtime_json(runtime_dir, wheel, entry)
    return runtime_dir

"""Build the app-independent runtime (build/runtime/): npm, type check, bundles, wheel, Pyodide, runtime.json."""

from __future__ import annotations

import json
from pathlib import Path

from .bundle import bundle, typecheck
from .common import PKG_DIR, RUNTIME_DIR, WEB_SRC, project_version
from .npm import ensure_node_modules
from .vendor import vendor
from .wheel import build_wheel


def write_runtime_json(runtime_dir: Path, wheel: Path) -> Path:
    """Write runtime.json, which tells the page where the wheel and Pyodide are (relative URLs)."""
    info = {
        "version": project_version(),
        "wheel": wheel.relative_to(runtime_dir).as_posix(),
        "pyodide": "pyodide/",
    }
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
) -> Path:
    """Bring runtime_dir up to date; each stage is skipped when its outputs are newer than its inputs."""
    # web_src/pkg_dir/check_types exist so tests can build a throwaway runtime from stub sources.
    runtime_dir.mkdir(parents=True, exist_ok=True)
    ensure_node_modules()
    if check_types and web_src == WEB_SRC:
        typecheck(force=force)  # tsc reads tsconfig.json, which only knows the real web/src
    bundle(runtime_dir, web_src, force=force)
    wheel = build_wheel(runtime_dir / "wheels", pkg_dir, force=force)
    vendor(runtime_dir, force=force)
    write_runtime_json(runtime_dir, wheel)
    return runtime_dir

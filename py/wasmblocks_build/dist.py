"""The two wheels `pip install wasmblocks` installs: `wasmblocks` and `wasmblocks-runtime` (dist/).

- `wasmblocks` is the browser package (wheel.py): what the worker unpacks and what `micropip.install`
  fetches in any Pyodide. On CPython it requires `wasmblocks-runtime`, under the marker
  `sys_platform != "emscripten"`, so micropip (Pyodide's sys_platform is "emscripten") never downloads it.
- `wasmblocks-runtime` is everything only CPython needs: the prebuilt browser runtime (bundles, the vendored
  Pyodide with its wheels, the base memory snapshot in the snapshot cache's layout), the page templates,
  the command line (`wasmblocks serve|export|share`) with the export pipeline, and the pytest plugin.
  Installed, the pipeline finds it under wasmblocks_build/prebuilt/ (common.INSTALLED) and exports with no
  Node and no npm.

Source maps stay out of the runtime wheel: they are a third of the runtime and only devtools read them.
"""

from __future__ import annotations

import json
import tomllib
import zipfile
from pathlib import Path
from typing import Any

from .common import BUILD_PKG_DIR, PY_DIR, ROOT, RUNTIME_DIR, WEB_DIR, fail, iter_files, log
from .site import build_runtime
from .snapshot import SUFFIX, cached_snapshot, snapshot_key
from .wheel import CPYTHON_ONLY, TAG, _record_hash, _wheel_file, _write_entry, build_wheel

RUNTIME_NAME = "wasmblocks-runtime"
RUNTIME_DIST = "wasmblocks_runtime"  # the name as wheel files and .dist-info folders spell it
TESTING_DIR = PY_DIR / "wasmblocks_testing"
DIST_DIR = ROOT / "dist"
PACKAGING_REQUIREMENT = "packaging>=22"
# Files of the built runtime that the wheel leaves out: the snapshot goes under prebuilt/snapshots/
# (cache layout, with its metadata), source maps are for devtools only.
SKIPPED_SUFFIXES = (".map",)
SKIPPED_DIRS = ("snapshot",)


def _project() -> dict[str, Any]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        project: dict[str, Any] = tomllib.load(f)["project"]
    return project


def browser_requirements(project: dict[str, Any]) -> list[str]:
    """Requires-Dist / Provides-Extra lines of the `wasmblocks` wheel: the runtime on CPython, the test extra."""
    lines = [f'Requires-Dist: {RUNTIME_NAME}=={project["version"]}; sys_platform != "emscripten"']
    for extra, requirements in sorted(project.get("optional-dependencies", {}).items()):
        if extra != "test":  # lint/build are this repository's own tools, not the package's
            continue
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {req}; extra == "{extra}"' for req in requirements]
    return lines


def _runtime_metadata(project: dict[str, Any]) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {RUNTIME_NAME}",
        f"Version: {project['version']}",
        "Summary: The prebuilt browser runtime of wasmblocks, its command line (wasmblocks serve|export|share) "
        "and its pytest plugin",
        f"Requires-Python: {project['requires-python']}",
        f"Requires-Dist: wasmblocks=={project['version']}",
        # Requirement lines and markers are read with packaging (requirements.py); a venv need not have pip.
        f"Requires-Dist: {PACKAGING_REQUIREMENT}",
    ]
    if isinstance(project.get("license"), str):
        lines.append(f"License-Expression: {project['license']}")
    return "\n".join(lines) + "\n"


def _entry_points(project: dict[str, Any]) -> str:
    """entry_points.txt: the console script and the pytest11 plugin, as pyproject.toml declares them."""
    groups = {"console_scripts": project.get("scripts", {}), **project.get("entry-points", {})}
    parts = []
    for group, entries in groups.items():
        if entries:
            parts.append(f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in sorted(entries.items())))
    return "\n".join(parts)


def _tree(src: Path, prefix: str) -> list[tuple[str, bytes]]:
    """(archive path, bytes) for every file below src, under prefix/."""
    return [(f"{prefix}/{p.relative_to(src).as_posix()}", p.read_bytes()) for p in iter_files(src)]


def _prebuilt_runtime(runtime_dir: Path) -> list[tuple[str, bytes]]:
    """The built runtime as wasmblocks_build/prebuilt/: runtime/, snapshots/ (the base one) and web/pages/."""
    info = json.loads((runtime_dir / "runtime.json").read_text(encoding="utf-8"))
    if "snapshot" not in info:
        raise fail("the runtime was built without a snapshot; the wheel needs one (no --no-snapshot)")
    entries = []
    for path in iter_files(runtime_dir):
        rel = path.relative_to(runtime_dir)
        if rel.parts[0] in SKIPPED_DIRS or path.suffix in SKIPPED_SUFFIXES:
            continue
        entries.append((f"wasmblocks_build/prebuilt/runtime/{rel.as_posix()}", path.read_bytes()))
    key = snapshot_key(runtime_dir / "pyodide", runtime_dir / info["wheel"], [])
    found = cached_snapshot(key)
    if found is None:
        raise fail(f"the base snapshot {key} is not in the snapshot cache; rebuild with `python3 build.py site`")
    snapshot, meta = found
    entries.append((f"wasmblocks_build/prebuilt/snapshots/{key}{SUFFIX}", snapshot.read_bytes()))
    entries.append((f"wasmblocks_build/prebuilt/snapshots/{key}.json", json.dumps(meta).encode()))
    entries += _tree(WEB_DIR / "pages", "wasmblocks_build/prebuilt/web/pages")
    return entries


def build_runtime_wheel(out_dir: Path, runtime_dir: Path = RUNTIME_DIR) -> Path:
    """Write <out_dir>/wasmblocks_runtime-<version>-py3-none-any.whl from a built runtime and return it."""
    project = _project()
    version = project["version"]
    target = out_dir / f"{RUNTIME_DIST}-{version}-{TAG}.whl"
    dist_info = f"{RUNTIME_DIST}-{version}.dist-info"
    entries = _tree(BUILD_PKG_DIR, "wasmblocks_build") + _tree(TESTING_DIR, "wasmblocks_testing")
    entries += [(name, (PY_DIR / name).read_bytes()) for name in CPYTHON_ONLY]  # wasmblocks.testing
    entries = [e for e in entries if "/prebuilt/" not in e[0]]  # a stray copy in the sources never ships
    entries += _prebuilt_runtime(runtime_dir)
    entries.sort()
    entries.append((f"{dist_info}/METADATA", _runtime_metadata(project).encode()))
    entries.append((f"{dist_info}/WHEEL", _wheel_file().encode()))
    entries.append((f"{dist_info}/entry_points.txt", _entry_points(project).encode()))
    entries.append((f"{dist_info}/top_level.txt", b"wasmblocks_build\nwasmblocks_testing\n"))
    record = [f"{name},{_record_hash(data)},{len(data)}" for name, data in entries]
    record.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, data in entries:
            _write_entry(zf, name, data)
    tmp.replace(target)
    return target


def build_dists(out_dir: Path = DIST_DIR, force: bool = False) -> list[Path]:
    """Build the runtime, then write both wheels into out_dir (default dist/); returns their paths."""
    runtime_dir = build_runtime(force=force)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in [*out_dir.glob("wasmblocks-*.whl"), *out_dir.glob(f"{RUNTIME_DIST}-*.whl")]:
        old.unlink()  # a version bump must not leave the previous pair beside the new one
    browser = build_wheel(runtime_dir / "wheels")
    copied = out_dir / browser.name
    copied.write_bytes(browser.read_bytes())
    log(f"building wheel {RUNTIME_DIST}-… (the prebuilt runtime) …")
    return [copied, build_runtime_wheel(out_dir, runtime_dir)]

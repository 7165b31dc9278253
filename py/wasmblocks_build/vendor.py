"""Copy the Pyodide core from node_modules and add the micropip, packaging and tzdata wheels, fixing their lock
hashes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from .common import CACHE_DIR, NODE_MODULES, RUNTIME_DIR, fail, is_stale, log, python, run

PYODIDE_NPM = NODE_MODULES / "pyodide"
CORE_FILES = [
    "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
    "pyodide.js", "package.json",
    # Source maps only so devtools stop reporting 404s for them.
    "pyodide.mjs.map", "pyodide.js.map",
]
# Pure-Python packages of the Pyodide lock that every site carries (from PyPI), so they load without the
# Pyodide CDN: micropip and packaging install requirements; tzdata is the time-zone database that zoneinfo
# (and gr.DateTime(timezone=…)) needs, which Pyodide's Python lacks. Each loads only when asked for.
WHEEL_PACKAGES = ["micropip", "packaging", "tzdata"]
WHEEL_CACHE = CACHE_DIR / "wheels"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, the form pyodide-lock.json uses."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _lock(path: Path) -> dict[str, Any]:
    """Parsed pyodide-lock.json."""
    lock: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return lock


def download_wheels(lock: dict) -> list[Path]:
    """Fetch the lock's versions of WHEEL_PACKAGES from PyPI into build/cache/wheels (once)."""
    entries = [lock["packages"][name] for name in WHEEL_PACKAGES]
    wanted = [WHEEL_CACHE / e["file_name"] for e in entries]
    if all(p.exists() for p in wanted):
        return wanted
    # Wheels for the Python inside Pyodide, not the one running the build.
    py_version = ".".join(lock["info"]["python"].split(".")[:2])
    pins = [f"{e['name']}=={e['version']}" for e in entries]
    log(f"downloading {', '.join(pins)} for Python {py_version} …")
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    run(
        [python(), "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--only-binary=:all:",
         "--python-version", py_version, "--no-deps", *pins, "-d", str(WHEEL_CACHE)],
        what=f"pip download of {', '.join(WHEEL_PACKAGES)}",
    )
    missing = [p.name for p in wanted if not p.exists()]
    if missing:
        raise fail(f"pip download did not produce {', '.join(missing)}")
    return wanted


def vendor_outputs(runtime_dir: Path = RUNTIME_DIR) -> list[Path]:
    """Files vendor() writes (the wheels are covered by the rewritten lock)."""
    return [runtime_dir / "pyodide" / name for name in CORE_FILES]


def vendor(runtime_dir: Path = RUNTIME_DIR, force: bool = False) -> Path:
    """Fill <runtime_dir>/pyodide/ and return it."""
    dest = runtime_dir / "pyodide"
    src_lock = PYODIDE_NPM / "pyodide-lock.json"
    if not src_lock.exists():
        raise fail(f"{PYODIDE_NPM} is missing; npm packages are not installed")
    if not force and not is_stale(vendor_outputs(runtime_dir), [PYODIDE_NPM, Path(__file__)]):
        return dest
    lock = _lock(src_lock)
    wheels = download_wheels(lock)
    log("vendoring Pyodide into build/runtime/pyodide/ …")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    # copyfile, not copy2: fresh mtimes are what the staleness check compares against.
    for name in CORE_FILES:
        shutil.copyfile(PYODIDE_NPM / name, dest / name)
    for name, wheel in zip(WHEEL_PACKAGES, wheels):
        shutil.copyfile(wheel, dest / wheel.name)
        # PyPI's build of the same version is not byte-identical to Pyodide's, and Pyodide
        # refuses a wheel whose sha256 differs from the lock, so the lock must describe our file.
        entry = lock["packages"][name]
        entry["file_name"] = wheel.name
        entry["sha256"] = sha256_file(wheel)
    (dest / "pyodide-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    return dest

"""Paths, logging, subprocess and staleness helpers shared by every build stage."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY_DIR = ROOT / "py"
PKG_DIR = PY_DIR / "wasmblocks"
BUILD_PKG_DIR = Path(__file__).resolve().parent
WEB_DIR = ROOT / "web"
WEB_SRC = WEB_DIR / "src"
NODE_MODULES = ROOT / "node_modules"
BUILD_DIR = ROOT / "build"
RUNTIME_DIR = BUILD_DIR / "runtime"
CACHE_DIR = BUILD_DIR / "cache"

# The wasmblocks-runtime wheel (dist.py) carries the built runtime, the base snapshot and the page templates
# here. Installed from it there is no source tree: export copies the prebuilt runtime (no npm, no esbuild),
# Node only adds an app's own imports to the snapshot, and caches go to the user's cache folder.
PREBUILT_DIR = BUILD_PKG_DIR / "prebuilt"
INSTALLED = (PREBUILT_DIR / "runtime" / "runtime.json").is_file()


def _user_cache() -> Path:
    """$WASMBLOCKS_CACHE_DIR, else $XDG_CACHE_HOME/wasmblocks, else ~/.cache/wasmblocks."""
    if os.environ.get("WASMBLOCKS_CACHE_DIR"):
        return Path(os.environ["WASMBLOCKS_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wasmblocks"


if INSTALLED:
    PKG_DIR = BUILD_PKG_DIR.parent / "wasmblocks"
    WEB_DIR = PREBUILT_DIR / "web"  # web/pages/ only: the HTML templates
    RUNTIME_DIR = PREBUILT_DIR / "runtime"
    CACHE_DIR = BUILD_DIR = _user_cache()
PAGE_TEMPLATE = WEB_DIR / "pages" / "index.html"

# Directories and files that never count as sources (editor droppings, caches).
IGNORED_DIRS = {"__pycache__", "node_modules", ".git", ".pytest_cache"}


def log(message: str) -> None:
    """Print one progress line so a user sees which step is running."""
    print(f"wasmblocks: {message}", flush=True)


def fail(message: str) -> SystemExit:
    """Build the SystemExit every stage raises for a user-facing error (message, exit status 1)."""
    return SystemExit(f"wasmblocks: error: {message}")


def project_version() -> str:
    """Read the version from pyproject.toml so the wheel and runtime.json never disagree with it."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def iter_files(path: Path) -> Iterable[Path]:
    """Yield path itself if it is a file, else every non-ignored file below it."""
    if path.is_file():
        yield path
        return
    if not path.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if d not in IGNORED_DIRS)
        for name in sorted(filenames):
            if not name.endswith(".pyc"):
                yield Path(dirpath) / name


def newest_mtime(paths: Iterable[Path]) -> float:
    """Newest modification time of all files under paths (0 when there are none)."""
    return max((f.stat().st_mtime for p in paths for f in iter_files(p)), default=0.0)


def oldest_mtime(paths: Iterable[Path]) -> float | None:
    """Oldest modification time of the given output files; None when any is missing."""
    times = []
    for p in paths:
        if not p.exists():
            return None
        times.append(p.stat().st_mtime)
    return min(times, default=None)


def is_stale(outputs: Iterable[Path], inputs: Iterable[Path]) -> bool:
    """True when an output is missing or older than the newest input."""
    oldest = oldest_mtime(list(outputs))
    return oldest is None or oldest < newest_mtime(inputs)


def touch(path: Path) -> None:
    """Create or refresh a stamp file that records when a check last passed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def run(cmd: list[str], *, cwd: Path = ROOT, what: str, capture: bool = False) -> str:
    """Run a tool; on failure raise a SystemExit naming the step and showing the tool's output."""
    try:
        proc = subprocess.run(
            cmd, cwd=cwd, text=True, stdout=subprocess.PIPE if capture else None,
            stderr=subprocess.STDOUT if capture else None,
        )
    except FileNotFoundError as exc:
        raise fail(f"{what}: cannot run {cmd[0]!r} ({exc.strerror}); is it installed?") from None
    if proc.returncode != 0:
        output = (proc.stdout or "").rstrip()
        raise fail(f"{what} failed (exit {proc.returncode})" + (f":\n{output}" if output else ""))
    return proc.stdout or ""


def python() -> str:
    """The interpreter running the build, so pip/pytest go to the same environment."""
    return sys.executable or "python3"

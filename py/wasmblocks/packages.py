"""Pyodide packages (numpy, Pillow, pandas) loaded on demand, the first time a component needs them.

The Pyodide runtime ships without them; loading one fetches it from the Pyodide package index. When that
fails (offline, blocked), the error names the package and the way out.
"""

from __future__ import annotations

import importlib.util
import os

from . import runtime
from .alerts import Error

# Package name (as pyodide.loadPackage and requirements.txt know it) → the module it provides.
IMPORT_NAMES = {"numpy": "numpy", "Pillow": "PIL", "pandas": "pandas", "polars": "polars"}
# Packages an output already tried to load: offline, retrying on every event would put a failing
# network fetch on each event's path for nothing (an input that needs one still retries and reports).
_tried_quietly: set[str] = set()


def pillow_for(value: object, depth: int = 0) -> list[str]:
    """["Pillow"] when a returned value holds an array or a PIL image that must be saved as a picture.

    Paths, URLs, FileData, captions and numbers need nothing: an output's packages follow its value.
    """
    if depth > 4 or value is None or isinstance(value, (str, bytes, int, float, os.PathLike)):
        return []
    if hasattr(value, "__array_interface__") or hasattr(value, "__array__") or hasattr(value, "getpixel"):
        return ["Pillow"]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else ()
    return ["Pillow"] if any(pillow_for(item, depth + 1) for item in items) else []


def installed(package: str) -> bool:
    try:
        return importlib.util.find_spec(IMPORT_NAMES.get(package, package)) is not None
    except (ImportError, ValueError):
        return False


def missing_error(package: str, who: str, detail: str = "", fallback: str = "") -> Error:
    """The error shown when `who` needs `package` and it is not there."""
    why = f" ({detail})" if detail else ""
    hint = f", or {fallback}" if fallback else ""
    return Error(
        f'{who} needs the "{package}" package, which could not be loaded{why}. '
        f"It comes from the Pyodide package index, so the page must be able to reach it: go online, "
        f'or add "{package}" to requirements.txt of an export that vendors it{hint}.'
    )


async def ensure(packages: list[str], who: str, fallback: str = "") -> None:
    """Load every package not yet importable; raise Error naming the first that stays missing."""
    wanted = [p for p in dict.fromkeys(packages) if not installed(p)]
    if not wanted:
        return
    problems = await runtime.load_packages(wanted)
    importlib.invalidate_caches()
    for package in wanted:
        if not installed(package):
            raise missing_error(package, who, problems.get(package) or problems.get("*", ""), fallback)


async def try_ensure(packages: list[str]) -> None:
    """Load packages if possible, quietly: for outputs, which need them only for some return values."""
    wanted = [p for p in dict.fromkeys(packages) if p not in _tried_quietly and not installed(p)]
    if wanted:
        _tried_quietly.update(wanted)
        await runtime.load_packages(wanted)
        importlib.invalidate_caches()

"""Packages an app needs without listing them: what CPython finds on the system and Pyodide's Python lacks.

Today that is the time-zone database: `zoneinfo` (and so `gr.DateTime(timezone="Europe/Paris")`) reads the
system's on CPython, while Pyodide has none and needs the `tzdata` package (every site carries its wheel).
Used at export time (wasmblocks_build.requirements) and by the worker for apps that come without an
install plan (share links, the editor, embeds).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

UTC_NAMES = frozenset({"UTC", "Z", "ETC/UTC", "GMT"})


def names_time_zone(source: str) -> bool:
    """Whether Python source uses zoneinfo or passes a time zone other than UTC (timezone="Europe/Paris")."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False  # the app's own error shows when it runs
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "zoneinfo" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "zoneinfo":
            return True
        if isinstance(node, ast.keyword) and node.arg in ("timezone", "tz"):
            value = node.value
            if (
                isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and value.value.upper() not in UTC_NAMES
            ):
                return True
    return False


def _name(requirement: str) -> str:
    """The project name of a requirement line, normalised (PEP 503)."""
    name = re.split(r"[\s<>=!~;\[@]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def implied_requirements(sources: Iterable[str], listed: Iterable[str]) -> list[str]:
    """The requirements these Python sources need beyond `listed` (requirement lines)."""
    if "tzdata" in {_name(r) for r in listed}:
        return []
    return ["tzdata"] if any(names_time_zone(source) for source in sources) else []

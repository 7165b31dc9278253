"""Packages an app needs without listing them: what CPython finds on the system and Pyodide's Python lacks.

Today that is the time-zone database: `zoneinfo` (and so `gr.DateTime(timezone="Europe/Paris")`) reads the
system's on CPython, while Pyodide has none and needs the `tzdata` package (every site carries its wheel).
Used at export time (wasmblocks_build.requirements) and by the worker for apps that come without an
install plan (share links, the editor, embeds).

And the Pyodide packages an app's inputs need by their `type` (numpy and Pillow for gr.Image's default
"numpy", pandas for gr.Dataframe's default "pandas"), which an export lists for the worker to start
loading at boot (`input_packages`); the component loads them on demand either way (packages.py).
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


# ---- packages an input's type needs (found with ast; a guess that only saves time) ----
# Component class → (Gradio's default type, packages per type). Outputs need none for their type: the value
# decides (processing.load_value_packages), so only components passed as listener inputs count.
_TYPED: dict[str, tuple[str, dict[str, list[str]]]] = {
    "Image": ("numpy", {"numpy": ["numpy", "Pillow"], "pil": ["Pillow"]}),
    "ImageEditor": ("numpy", {"numpy": ["numpy", "Pillow"], "pil": ["Pillow"]}),
    "Sketchpad": ("numpy", {"numpy": ["numpy", "Pillow"], "pil": ["Pillow"]}),
    "Paint": ("numpy", {"numpy": ["numpy", "Pillow"], "pil": ["Pillow"]}),
    "Gallery": ("filepath", {"numpy": ["numpy", "Pillow"], "pil": ["Pillow"]}),
    "Audio": ("numpy", {"numpy": ["numpy"]}),
    "Dataframe": ("pandas", {"pandas": ["pandas"], "numpy": ["numpy"], "polars": ["polars"]}),
}
_TYPED["DataFrame"] = _TYPED["Dataframe"]
# gr.Interface's string shortcuts ("image", "dataframe", …) and the class each stands for.
_SHORTCUTS = {name.lower(): name for name in _TYPED}
# Where a call takes its inputs: (keyword, position). Listeners: btn.click(fn, inputs, outputs).
_INTERFACES = {"Interface": ("inputs", 1), "ChatInterface": ("additional_inputs", None)}
_ON = ("inputs", 2)  # gr.on(triggers, fn, inputs, outputs)
_LISTENER = ("inputs", 1)


def _called_name(node: ast.expr) -> str | None:
    """`Image` for gr.Image(…), Image(…) or gradio.components.Image(…)."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def _typed_component(call: ast.Call) -> list[str] | None:
    """The packages a component constructor call's `type` needs, or None when it is not such a call."""
    name = _called_name(call.func)
    if name not in _TYPED:
        return None
    default, per_type = _TYPED[name]
    kind: object = default
    for keyword in call.keywords:
        if keyword.arg == "type":
            kind = keyword.value.value if isinstance(keyword.value, ast.Constant) else None
    return per_type.get(kind, []) if isinstance(kind, str) else []


def _inputs_of(call: ast.Call) -> ast.expr | None:
    """The `inputs` a listener, gr.on, gr.render or gr.Interface call passes, if it is one."""
    name = _called_name(call.func)
    keyword, position = _INTERFACES.get(name or "", _ON if name == "on" else _LISTENER)
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    if isinstance(call.func, ast.Attribute) or name == "on" or name in _INTERFACES:
        return call.args[position] if position is not None and len(call.args) > position else None
    return None


def input_packages(source: str) -> list[str]:
    """Pyodide packages the components this source passes as listener inputs need, by their type."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    named: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call):
            needs = _typed_component(node.value)
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if needs is not None and isinstance(target, ast.Name):
                    named[target.id] = needs
    found: list[str] = []

    def collect(expr: ast.expr, shortcuts: bool) -> None:
        if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
            for item in expr.elts:
                collect(item, shortcuts)
        elif isinstance(expr, ast.Dict):
            for key in expr.keys:
                if key is not None:
                    collect(key, shortcuts)
        elif isinstance(expr, ast.Name):
            found.extend(named.get(expr.id, []))
        elif isinstance(expr, ast.Call):
            found.extend(_typed_component(expr) or [])
        elif shortcuts and isinstance(expr, ast.Constant) and isinstance(expr.value, str) \
                and expr.value.lower() in _SHORTCUTS:
            found.extend(_typed_component(ast.Call(ast.Name(_SHORTCUTS[expr.value.lower()]), [], [])) or [])

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (inputs := _inputs_of(node)) is not None:
            collect(inputs, _called_name(node.func) in _INTERFACES)
    return list(dict.fromkeys(found))


def implied_packages(sources: Iterable[str], listed: Iterable[str]) -> list[str]:
    """input_packages of every source, less the packages already `listed` (names, any case)."""
    have = {_name(name) for name in listed}
    found = [package for source in sources for package in input_packages(source)]
    return [p for p in dict.fromkeys(found) if _name(p) not in have]

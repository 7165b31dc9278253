"""Imports in py/wasmblocks point one way, lowest layer first; LAYERS below is where every module sits.

Every import counts: module level, inside functions, under `if TYPE_CHECKING:`. A module may import from its
own layer or a lower one, never from a higher one. docs/architecture.md draws these layers from the real
imports; `python3 tests/test_layers.py` rewrites that picture after a change (a test checks it is current).
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "py" / "wasmblocks"
DOC = ROOT / "docs" / "architecture.md"

# Lowest first. An entry names a module or a package (which covers its submodules); "" is wasmblocks itself.
LAYERS: list[tuple[str, str, list[str]]] = [
    ("leaf", "pure helpers and the runtime adapter: import nothing above them",
     ["types", "protocol", "runtime", "alerts", "progress", "session", "files", "file_names", "cache", "packages",
      "implied", "loop_thread", "aliases", "restart", "oauth", "media", "i18n", "data_classes", "utils", "validators",
      "caching", "state_mirror", "launch_options", "mcp"]),
    ("tree", "what a with gr.Blocks() block builds: blocks, components, layouts, declared listeners, config",
     ["context", "block", "block_function", "listeners", "event_data", "component", "blocks", "layouts",
      "components", "flagging", "chat_interface", "interface", "external", "render", "updates",
      "config", "themes", "loader", "api_info", "templates", "api_endpoint", "component_lookup", "block_classes",
      "event_listener"]),
    ("events", "the page's rules for what runs when (the twin of web/src/client/events.ts)", ["events"]),
    ("queue", "the asyncio scheduler: concurrency groups, queue size, cancels", ["queue"]),
    ("processing", "running one event: preprocess, the user's function, postprocess", ["processing"]),
    ("page_session", "one page session: page messages in, worker messages out", ["page_session", "session_copy"]),
    ("entry", "what calls a page session: the JS side, PyScript's launch(), Python (Client), the public gr.* surface",
     ["", "__main__", "client", "client_job", "pyscript_entry", "testing", "worker_entry"]),
]
# Only runtime.py may touch Pyodide (and PyScript's JS modules); it imports nothing of wasmblocks.
PYODIDE_MODULES = {"js", "pyodide", "pyodide_js", "polyscript", "pyscript", "_pyscript"}
RUNTIME = "runtime"
# The JS side calls worker_entry only; nothing in the package imports it.
ENTRY = "worker_entry"


def module_name(path: Path) -> str:
    """"components.textbox" for py/wasmblocks/components/textbox.py; "" for the package itself."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _known(name: str) -> bool:
    """Whether `name` (relative to wasmblocks) is one of the package's modules or packages."""
    path = PACKAGE.joinpath(*name.split(".")) if name else PACKAGE
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(path: Path) -> list[tuple[str, int]]:
    """(imported wasmblocks module, line) for every import in the file; outside modules as "!name"."""
    return imports_in(path.read_text(), module_name(path), is_package=path.name == "__init__.py")


def imports_in(source: str, name: str, *, is_package: bool = False) -> list[tuple[str, int]]:
    """imports_of for the source of module `name`."""
    package = [p for p in (name.split(".") if is_package else name.split(".")[:-1]) if p]
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(_absolute(alias.name, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                found += _from_import(target, [a.name for a in node.names], node.lineno)
            elif node.module and node.module.split(".")[0] == "wasmblocks":
                target = node.module.removeprefix("wasmblocks").lstrip(".")
                found += _from_import(target, [a.name for a in node.names], node.lineno)
            elif node.module:
                found.append(("!" + node.module.split(".")[0], node.lineno))
    return found


def _absolute(dotted: str, line: int) -> tuple[str, int]:
    if dotted.split(".")[0] == "wasmblocks":
        return dotted.removeprefix("wasmblocks").lstrip("."), line
    return "!" + dotted.split(".")[0], line


def _from_import(target: str, names: list[str], line: int) -> list[tuple[str, int]]:
    """`from target import a, b`: a submodule when a and b are modules, else target itself."""
    modules = [f"{target}.{n}".lstrip(".") for n in names if _known(f"{target}.{n}".lstrip("."))]
    return [(m, line) for m in modules] if len(modules) == len(names) else [(target, line)]


def layer_of(name: str) -> int:
    """Index in LAYERS of the longest entry covering module `name`; KeyError when none does."""
    best: tuple[int, int] | None = None
    for index, (_, _, entries) in enumerate(LAYERS):
        for entry in entries:
            if name == entry or (entry and name.startswith(entry + ".")):
                if best is None or len(entry) > best[0]:
                    best = (len(entry), index)
    if best is None:
        raise KeyError(name)
    return best[1]


def package_imports() -> dict[str, list[tuple[str, int]]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer():
    unplaced = [name or "wasmblocks" for name in package_imports() if not _placed(name)]
    assert not unplaced, f"add these modules to LAYERS in tests/test_layers.py: {unplaced}"


def _placed(name: str) -> bool:
    try:
        layer_of(name)
    except KeyError:
        return False
    return True


def test_imports_point_down():
    wrong = []
    for name, imports in package_imports().items():
        for target, line in imports:
            if not target.startswith("!") and layer_of(target) > layer_of(name):
                wrong.append(f"{name or 'wasmblocks'}:{line} imports {target} "
                             f"({LAYERS[layer_of(name)][0]} → {LAYERS[layer_of(target)][0]})")
    assert not wrong, "imports from a higher layer:\n" + "\n".join(wrong)


def test_only_runtime_touches_pyodide_and_runtime_is_a_leaf():
    imports = package_imports()
    touching = sorted({n for n, found in imports.items() for t, _ in found if t[1:] in PYODIDE_MODULES})
    assert touching == [RUNTIME]
    assert [t for t, _ in imports[RUNTIME] if not t.startswith("!")] == []


def test_nothing_imports_the_worker_entry():
    importers = [n for n, found in package_imports().items() for t, _ in found if t == ENTRY]
    assert importers == []


def test_the_checker_sees_every_kind_of_import():
    """Function-level and TYPE_CHECKING imports count as much as module-level ones; `from . import x` finds x."""
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..page_session import X\n"
              "def f():\n    from .. import queue, protocol\n    import wasmblocks.processing\n"
              "    from . import textbox\n    from .. import Blocks\n")
    found = sorted(t for t, _ in imports_in(source, "components.probe") if not t.startswith("!"))
    assert found == ["", "components.textbox", "page_session", "processing", "protocol", "queue"]
    assert layer_of("components.textbox") == layer_of("blocks") < layer_of("queue") < layer_of("")


# ---- the picture in docs/architecture.md ----
BEGIN, END = "<!-- layers:begin (python3 tests/test_layers.py) -->", "<!-- layers:end -->"


def picture() -> str:
    """A Mermaid chart: one box per layer with its modules, one arrow per pair of layers an import joins."""
    imports = package_imports()
    edges: Counter[tuple[int, int]] = Counter()
    members: dict[int, set[str]] = {i: set() for i in range(len(LAYERS))}
    for name, found in imports.items():
        top = name.split(".")[0]
        is_package = bool(top) and (PACKAGE / top / "__init__.py").is_file()
        members[layer_of(name)].add((top + "/" if is_package else top) or "wasmblocks")
        for target, _ in found:
            if not target.startswith("!") and layer_of(target) != layer_of(name):
                edges[layer_of(name), layer_of(target)] += 1
    lines = ["```mermaid", "flowchart TD"]
    for index in reversed(range(len(LAYERS))):
        title, what, _ = LAYERS[index]
        modules = ", ".join(sorted(members[index], key=lambda m: (m != "wasmblocks", m)))
        lines.append(f'  {title}["<b>{title}</b>: {what}<br/><small>{modules}</small>"]')
    for (source, target), count in sorted(edges.items(), reverse=True):
        lines.append(f"  {LAYERS[source][0]} -->|{count}| {LAYERS[target][0]}")
    lines.append("```")
    return "\n".join(lines)


def _doc_with_picture() -> str:
    text = DOC.read_text()
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[:start] + "\n" + picture() + "\n" + text[end:]


def test_architecture_doc_draws_the_real_imports():
    assert DOC.read_text() == _doc_with_picture(), "the layers picture is stale: run python3 tests/test_layers.py"


if __name__ == "__main__":
    DOC.write_text(_doc_with_picture())
    print(f"wrote the layers picture into {DOC.relative_to(ROOT)}", file=sys.stderr)

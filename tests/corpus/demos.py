"""Gradio's demo/ folder as a corpus: find the demos, sort them by what they import, export them into one folder.

Shared by run_demos.py and run_specs.py (on-demand runners, not collected by pytest). A demo is a folder with
run.py (or a `<case>_testcase.py` variant, which Gradio's specs use). Its imports (ast; one inside
`try: … except ImportError` is optional: the demo runs without it) and requirements.txt decide how it can
run here:

- "runs": only gradio, the standard library and the demo's own modules: exported and opened in Chromium;
- "pyodide": also packages from the Pyodide package index (numpy, pandas, Pillow, matplotlib, …), which
  the browser cannot reach offline here: listed, not run;
- "other": packages Pyodide does not have (torch, transformers, …): listed, not run.

Each demo is exported with the project's own export (wasmblocks_build.export) into build/corpus/sites/<key>/,
with two economies that change nothing the page sees: the runtime's files are hard-linked instead of copied
(hundreds of exports would otherwise copy tens of MB each), from one copy that export's own change to the
runtime (source maps dropped) was made to once; and every demo boots from the runtime's base memory snapshot
instead of one made for its own stdlib imports (which costs a Node run per import set), so those modules are
imported at start instead of restored.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "py"))

from wasmblocks_build import export as export_module  # noqa: E402
from wasmblocks_build.common import RUNTIME_DIR  # noqa: E402
from wasmblocks_build.export import export, read_requirements  # noqa: E402
from wasmblocks_build.httpd import SiteServer, StaticHandler, make_server, serve_in_thread  # noqa: E402
from wasmblocks_build.requirements import normalize  # noqa: E402
from wasmblocks_build.snapshot import make_snapshot  # noqa: E402

GRADIO_REPO = Path(os.environ.get("GRADIO_REPO", "/work/ref/gradio"))
GRADIO_PYTHON = os.environ.get("GRADIO_PYTHON", "/work/venvs/gradio631/bin/python")
WORK = ROOT / "build" / "corpus"
SITES = WORK / "sites"
STAGED = WORK / "staged"
RESULTS = Path(__file__).resolve().parent / "results"
# Requirement lines that name what the runtime already is.
RUNTIME_REQUIREMENTS = {"gradio"}
STAGING = 4  # bump when stage() or the linking changes: exports made before are redone
# Files the export writes inside a runtime folder: copied, not symlinked, so no export edits the shared runtime.
WRITTEN_BY_EXPORT = {"pyodide-lock.json"}


@dataclass
class Demo:
    """One app of the corpus: demo/<name>/<entry>; key names its export ("<name>" or "<name>__<case>")."""

    name: str
    entry: str = "run.py"
    category: str = "runs"
    needs: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.name if self.entry == "run.py" else f"{self.name}__{self.entry.removesuffix('_testcase.py')}"

    @property
    def folder(self) -> Path:
        return GRADIO_REPO / "demo" / self.name



# ---- finding and sorting demos ----

def pyodide_imports(runtime_dir: Path = RUNTIME_DIR) -> dict[str, str]:
    """Import name -> Pyodide package name, from the vendored pyodide-lock.json (plus package names)."""
    lock = json.loads((runtime_dir / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for package, info in lock["packages"].items():
        names.setdefault(normalize(package), package)
        for module in info.get("imports", []):
            names.setdefault(module, package)
    return names


def imported_modules(path: Path, local: set[str], seen: set[Path] | None = None) -> set[str]:
    """Top-level modules a .py file imports, following the demo's own modules it imports (not their names)."""
    seen = seen if seen is not None else set()
    seen.add(path)
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError):
        return set()
    optional = {id(n) for node in ast.walk(tree) if isinstance(node, ast.Try) and _tolerates_import_error(node)
                for stmt in node.body for n in ast.walk(stmt)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in optional:  # `try: import x` / `except ImportError:`: the demo runs without x
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    for name in sorted(found & local):
        module = path.parent / f"{name}.py"
        if module.is_file() and module not in seen:
            found |= imported_modules(module, local, seen)
    return found - local


def _tolerates_import_error(node: ast.Try) -> bool:
    """Whether one of the try's handlers catches a failed import (ImportError or something broader)."""
    catching = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
    for handler in node.handlers:
        if handler.type is None:
            return True
        kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if any(isinstance(k, ast.Name) and k.id in catching for k in kinds):
            return True
    return False


def requirement_name(line: str) -> str:
    """The package a requirements.txt line names (normalized): `name[extra]>=1`, `name @ url`, or a VCS/archive
    URL (its #egg= or the last part of its path, e.g. git+https://github.com/huggingface/transformers -> transformers)."""
    if "://" in line.split("@", 1)[0] or line.startswith(("git+", "hg+", "svn+", "bzr+")):
        egg = re.search(r"[#&]egg=([\w.-]+)", line)
        stem = egg.group(1) if egg else line.split("#", 1)[0].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        return normalize(re.sub(r"(\.git|\.zip|\.tar\.gz|-[\d.]+-py3-none-any\.whl|\.whl)$", "", stem.split("@")[0]))
    return normalize(re.split(r"[<>=!~\[;@ ]", line, maxsplit=1)[0])


def classify(demo: Demo, lock: dict[str, str]) -> Demo:
    """Set demo.category and demo.needs from its imports and requirements.txt."""
    folder = demo.folder
    local = {p.stem for p in folder.glob("*.py")} | {p.name for p in folder.iterdir() if (p / "__init__.py").is_file()}
    modules = imported_modules(folder / demo.entry, local)
    third_party = sorted(m for m in modules if m not in sys.stdlib_module_names and m != "gradio")
    lines = read_requirements(folder / "requirements.txt")
    required = sorted({r for r in map(requirement_name, lines) if r and r not in RUNTIME_REQUIREMENTS})
    # A module Pyodide lacks is named as a package would be, so `import huggingface_hub` and a requirement
    # `huggingface-hub` are one need.
    needs = sorted({lock.get(m, lock.get(normalize(m), normalize(m))) for m in third_party}
                   | {lock.get(r, r) for r in required})
    if not needs:
        demo.category = "runs"
    elif all(m in lock or normalize(m) in lock for m in third_party) and all(r in lock for r in required):
        demo.category = "pyodide"
    else:
        demo.category = "other"
    demo.needs = needs
    return demo


def discover(names: list[str] | None = None, testcases: bool = False) -> list[Demo]:
    """Every demo with a run.py (sorted; only `names` when given), and with testcases=True its *_testcase.py."""
    lock = pyodide_imports()
    wanted = set(names or [])
    demos = []
    for folder in sorted(p for p in (GRADIO_REPO / "demo").iterdir() if (p / "run.py").is_file()):
        if wanted and folder.name not in wanted:
            continue
        entries = ["run.py"] + (sorted(p.name for p in folder.glob("*_testcase.py")) if testcases else [])
        demos += [classify(Demo(folder.name, entry), lock) for entry in entries]
    return demos


# ---- exporting ----

def source_digest(demo: Demo) -> str:
    """Changes when a file of the demo's folder changes (or the entry does)."""
    return f"{_source_digest(demo.folder)}-{demo.entry}"


def _source_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        st = path.stat()
        h.update(f"{path.relative_to(folder)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()[:16]


def runtime_id(runtime_dir: Path = RUNTIME_DIR) -> str:
    """Changes whenever build/runtime/ is rebuilt (runtime.json, bundles, wheel): results made before are stale."""
    h = hashlib.sha256((runtime_dir / "runtime.json").read_bytes())
    for sub in ("assets", "wheels"):
        for path in sorted((runtime_dir / sub).rglob("*")):
            if path.is_file():
                h.update(f"{path.relative_to(runtime_dir)}\0{path.stat().st_size}\0{path.stat().st_mtime_ns}".encode())
    return h.hexdigest()[:16]


# A path a demo names from the Gradio repository's root, e.g. css_paths=["demo/custom_css/custom_css.css"].
REPO_PATH = re.compile(r"""["'](demo/[\w./-]+)["']""")


def copy_repo_paths(demo: Demo, staged: Path) -> None:
    """Copy into the staged folder, at the same relative path, each repository file the entry names as
    "demo/…": Gradio runs its demos from the repository root (its CI and `python demo/x/run.py`), where
    those paths resolve, and the exported app's working folder is the staged one."""
    source = (demo.folder / demo.entry).read_text(encoding="utf-8")
    for name in REPO_PATH.findall(source):
        found = GRADIO_REPO / name
        if found.is_file() and GRADIO_REPO / "demo" in found.resolve().parents:
            (staged / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(found, staged / name)


def stage(demo: Demo) -> Path:
    """A copy of the demo's folder, notebooks left out, that the export starts at the demo's entry: its only
    .py file is the entry already; with others beside it (helpers, testcases) the entry is copied to app.py."""
    target = STAGED / demo.key
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(demo.folder, tmp, ignore=shutil.ignore_patterns("*.ipynb", "__pycache__", "app.py"))
    if sorted(p.name for p in tmp.glob("*.py")) != [demo.entry]:
        shutil.copy2(demo.folder / demo.entry, tmp / "app.py")
    copy_repo_paths(demo, tmp)
    shutil.rmtree(target, ignore_errors=True)
    tmp.replace(target)
    return target


def _link_runtime(runtime_dir: Path, outdir: Path) -> None:
    """Stand-in for export.copy_runtime: the same tree, its files hard-linked (WRITTEN_BY_EXPORT copied).

    Hard links, not symlinks: export resolves the paths of the files it ships, and a symlink would resolve to a
    place outside the site."""
    for item in runtime_dir.iterdir():
        if item.name.startswith(".corpus-"):
            continue
        target = outdir / item.name
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)
        if not item.is_dir():
            shutil.copy2(item, target)
            continue
        for src in sorted(item.rglob("*")):
            if src.is_dir():
                continue
            dst = target / src.relative_to(item)
            dst.parent.mkdir(parents=True, exist_ok=True)
            if src.name in WRITTEN_BY_EXPORT:
                shutil.copy2(src, dst)
            else:
                os.link(src, dst)


def prepared_runtime(runtime: str) -> Path:
    """One copy of build/runtime/ with what export does to each copy already done (source maps dropped), which
    every corpus export links to; made again when the runtime changes."""
    target = WORK / "runtime"
    stamp = target / ".corpus-runtime"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == runtime:
        return target
    tmp = target.with_name(f"runtime.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(RUNTIME_DIR, tmp)
    export_module.drop_source_maps(tmp)
    (tmp / ".corpus-runtime").write_text(runtime, encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    tmp.replace(target)
    return target


@contextmanager
def corpus_export_mode(runtime: str) -> Iterator[None]:
    """Linked runtime and the base snapshot for every export made inside the block (see the module doc)."""
    for name in ("copy_runtime", "drop_source_maps", "app_snapshot"):
        if not hasattr(export_module, name):  # export was refactored: fail loudly rather than copy the runtime
            raise RuntimeError(f"wasmblocks_build.export.{name} is gone; update tests/corpus/demos.py")
    shared = prepared_runtime(runtime)

    def link_runtime(runtime_dir: Path, outdir: Path) -> None:
        _link_runtime(shared, outdir)

    def base_snapshot(pyodide_dir: Path, wheel: Path, files: list[Path]) -> tuple[Path, dict]:
        return make_snapshot(pyodide_dir, wheel)

    with mock.patch.object(export_module, "copy_runtime", link_runtime), \
            mock.patch.object(export_module, "drop_source_maps", lambda outdir: None), \
            mock.patch.object(export_module, "app_snapshot", base_snapshot):
        yield


def export_demo(demo: Demo, runtime: str) -> Path:
    """Export demo into SITES/<key>/ unless an export of the same sources and runtime is there already."""
    site = SITES / demo.key
    stamp = site / ".corpus-export"
    want = f"{runtime} {source_digest(demo)} staging-{STAGING}"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == want:
        return site
    staged = stage(demo)
    with corpus_export_mode(runtime):
        export(staged, site, runtime_dir=RUNTIME_DIR, build=False)
    stamp.write_text(want, encoding="utf-8")
    return site


# ---- serving ----

class QuietHandler(StaticHandler):
    quiet = True


def serve_sites() -> tuple[SiteServer, str]:
    """A loopback server for SITES (demo `key` is at <url><key>/); call .shutdown() when done."""
    SITES.mkdir(parents=True, exist_ok=True)
    server = make_server(SITES, "127.0.0.1", 0, handler=QuietHandler)
    serve_in_thread(server)
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measured_on() -> str:
    """The wasmblocks commit a pass ran on, "-dirty" when py/ or web/ have changes not committed."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("-dirty" if git("status", "--porcelain", "--", "py", "web") else "")


def write_json(path: Path, data: object) -> None:
    """Write JSON atomically (a reader, or a second runner, never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)

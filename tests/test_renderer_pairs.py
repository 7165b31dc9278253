"""Every block type pairs by name: a Python class, a line in web/src/renderer/registry.ts, and a renderer file.

The rule (docs/architecture.md, "Adding a component"): a block whose class lives in py/wasmblocks/<path>.py is
drawn by web/src/<path>.tsx — components/slider.py by components/slider.tsx, layouts/row.py by
layouts/row.tsx, blocks.py by blocks.tsx. Classes in one file share its renderer (Button, ClearButton,
DuplicateButton in button.py); a Blocks subclass outside those places (Interface, ChatInterface) is drawn
by the Blocks renderer. Stylesheets sit beside the file that imports them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import posixpath
import re
from pathlib import Path
from types import ModuleType

import wasmblocks
from wasmblocks.block import Block
from wasmblocks.component import Component
from wasmblocks.components.fallback import Fallback
from wasmblocks.layouts.form import Form
from wasmblocks.layouts.route import Route

ROOT = Path(__file__).resolve().parent.parent
WEB_SRC = ROOT / "web" / "src"
REGISTRY = WEB_SRC / "renderer" / "registry.ts"
# Packages whose modules are drawn by a same-named renderer file; blocks.py is the root Blocks.
PAIRED = ("wasmblocks.components", "wasmblocks.layouts")
# Block types with no gr.* name: demo.route() makes Route (Gradio exports no gr.Route either).
MADE_BY_METHODS = {Route}
# Block types Gradio names only in a submodule: gradio.layouts.Form, gradio.components.Fallback.
SUBMODULE_ONLY = {Form, Fallback}
# Exported bases that apps subclass and never put in a tree as they are (gr.Component, for custom components).
BASES = {Component}

IMPORT = re.compile(r'^import \{([^}]*)\} from "([^"]+)";$', re.M)
ENTRY = re.compile(r'^\["(\w+)", \{ (?:component: (\w+)|\.\.\.lazyComponent\("\w+", async \(\) => '
                   r'\(await import\("([^"]+)"\)\)\.(\w+)\)), kind: "\w+"(?:, noContainer: true)? \}\],$')


def paired_modules() -> list[ModuleType]:
    """wasmblocks.blocks and every module of the paired packages."""
    mods = [importlib.import_module("wasmblocks.blocks")]
    for pkg_name in PAIRED:
        pkg = importlib.import_module(pkg_name)
        mods += [importlib.import_module(f"{pkg_name}.{m.name}") for m in pkgutil.iter_modules(pkg.__path__)]
    return mods


def is_paired(module: str) -> bool:
    return module == "wasmblocks.blocks" or module.startswith(tuple(f"{p}." for p in PAIRED))


def block_classes() -> set[type[Block]]:
    """The block types an app can put in a tree: Block subclasses exported as gr.*, and Route."""
    exported = {getattr(wasmblocks, n) for n in wasmblocks.__all__}
    return {c for c in exported if inspect.isclass(c) and issubclass(c, Block) and c not in BASES} | MADE_BY_METHODS | SUBMODULE_ONLY


def renderer_of(cls: type[Block]) -> str:
    """web/src-relative renderer path (no suffix) for a class: its own file's, or its nearest paired base's."""
    owner = next(c for c in cls.__mro__ if is_paired(c.__module__))
    return owner.__module__.removeprefix("wasmblocks.").replace(".", "/")


def registry() -> dict[str, str]:
    """type name -> web/src-relative module (no suffix) that the registry takes its component from."""
    text = REGISTRY.read_text(encoding="utf-8")
    here = REGISTRY.parent.relative_to(WEB_SRC).as_posix()
    source = {}
    for names, spec in IMPORT.findall(text):
        for name in names.split(","):
            source[name.strip()] = posixpath.normpath(posixpath.join(here, spec))
    body = text.split("new Map<string, RegistryEntry>([", 1)[1].split("\n]);", 1)[0]
    entries = {}
    for line in body.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        m = ENTRY.match(line)
        assert m, f"registry.ts: a line of the registry has an unknown shape: {line}"
        name, component, lazy = m.group(1), m.group(2), m.group(3)
        assert name not in entries, f"registry.ts names {name!r} twice"
        if component:
            assert component in source, f"registry.ts: {name!r} uses {component}, which no import names"
            entries[name] = source[component]
        else:
            entries[name] = posixpath.normpath(posixpath.join(here, lazy))
    return entries


def test_every_block_class_has_a_registry_entry_drawn_by_its_same_named_file():
    entries = registry()
    for cls in sorted(block_classes(), key=lambda c: c.__name__):
        name, expected = cls.get_block_name(), renderer_of(cls)
        where = f"{cls.__name__} ({cls.__module__}, type {name!r})"
        assert name in entries, f"{where}: no entry in web/src/renderer/registry.ts"
        assert entries[name] == expected, (
            f"{where}: registry.ts takes its renderer from web/src/{entries[name]}.tsx, not web/src/{expected}.tsx")
        assert (WEB_SRC / f"{expected}.tsx").is_file(), f"{where}: web/src/{expected}.tsx does not exist"


def test_every_registry_entry_is_a_python_block_type():
    names = {c.get_block_name() for c in block_classes()}
    strays = sorted(set(registry()) - names)
    assert not strays, f"registry.ts entries that no Python block class produces: {strays}"


def test_every_block_class_is_exported_or_made_by_a_method():
    types = block_classes()
    bases = {base for c in types for base in c.__mro__[1:]}
    for mod in paired_modules():
        for name, obj in vars(mod).items():
            if inspect.isclass(obj) and issubclass(obj, Block) and obj.__module__ == mod.__name__:
                assert obj in types or obj in bases, (
                    f"{mod.__name__}.{name} is a Block that wasmblocks neither exports nor builds on: "
                    "add it to wasmblocks/__init__.py (or to MADE_BY_METHODS here, if only a method makes it)")


def test_renderer_files_pair_with_python_files():
    py = ROOT / "py" / "wasmblocks"
    for folder in ("components", "layouts"):
        renderers = {p.stem for p in (WEB_SRC / folder).glob("*.tsx") if p.stem.isidentifier()}
        for path in sorted((WEB_SRC / folder).iterdir()):
            stem = path.name.split(".", 1)[0]
            if path.suffix == ".tsx" and stem.isidentifier():
                assert (py / folder / f"{stem}.py").is_file(), (
                    f"web/src/{folder}/{path.name} has no py/wasmblocks/{folder}/{stem}.py")
            elif path.suffix == ".css":
                assert stem in renderers, f"web/src/{folder}/{path.name} sits beside no renderer {stem}.tsx"
            else:
                # A piece of one renderer: <renderer>-<part>.ts(x), e.g. dataframe-menu.tsx.
                owner = stem.split("-", 1)[0]
                assert "-" in stem and owner in renderers, (
                    f"web/src/{folder}/{path.name}: a renderer is named like its Python file "
                    "(snake_case .tsx); a piece of one is <renderer>-<part>.ts(x)")
        for path in sorted((py / folder).glob("*.py")):
            mod = importlib.import_module(f"wasmblocks.{folder}.{path.stem}")
            defines = any(inspect.isclass(o) and issubclass(o, Block) and o.__module__ == mod.__name__
                          for o in vars(mod).values())
            if defines:
                assert path.stem in renderers, f"py/wasmblocks/{folder}/{path.name} has no web/src/{folder}/{path.stem}.tsx"


def test_stylesheets_sit_beside_the_file_that_imports_them():
    sources = [p for p in WEB_SRC.rglob("*.ts*") if p.suffix in (".ts", ".tsx") and "vendor" not in p.parts]
    imported = {}
    for src in sources:
        for spec in re.findall(r'^import "(\.\.?/[^"]+\.css)";$', src.read_text(encoding="utf-8"), re.M):
            imported.setdefault((src.parent / spec).resolve(), []).append(src)
    for css in sorted(WEB_SRC.rglob("*.css")):
        rel = css.relative_to(WEB_SRC).as_posix()
        if css.parent.name == "vendor":
            continue  # third-party stylesheets, bundled on their own (bundle.py)
        assert css.resolve() in imported, f"web/src/{rel} is imported by no module, so no page gets it"
        for twin in (css.with_suffix(".tsx"), css.with_suffix(".ts")):
            if twin.exists():
                assert twin in imported[css.resolve()], f"web/src/{rel} is not imported by {twin.name} beside it"

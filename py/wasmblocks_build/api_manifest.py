"""What the API manifest covers, and `describe()`, which reads it from an installed Gradio.

Run as `python -m wasmblocks_build.api_manifest` under a Python that has Gradio (PYTHONPATH=py): it prints the
manifest as JSON. `python3 build.py conformance manifest` does that and writes tests/data/.
"""

from __future__ import annotations

import importlib
import inspect
import json
import platform
import sys
import types
from pathlib import Path
from typing import Any

from .api_facts import call_parameters, kind_of, listener_names, module_names

# Names of gradio.__all__ that only make sense with a Python server (serving, deploying, OAuth, MCP, the
# notebook extension), as issue 12 lists them: left out of the manifest.
SERVER_ONLY = {
    "Server": "a Python web server", "mount_gradio_app": "mounts into a FastAPI app",
    "deploy": "deploys to Hugging Face Spaces", "mcp": "the MCP server", "close_all": "closes running servers",
    "load_ipython_extension": "the IPython extension", "get_package_version": "the server package's version",
    "OAuthProfile": "server-side OAuth", "OAuthToken": "server-side OAuth", "load_openapi": "proxies an OpenAPI server",
    "Workflow": "server-side workflows", "WorkflowCanvas": "server-side workflows",
}

# Parameters Gradio accepts but apps have no use for.
EXCLUDED_PARAMETERS = {
    "load_fn": "Component's base __init__ takes it but never reads it (the load function comes from a callable value)",
}

# Submodules that apps and Gradio's guides import from, with the rule that picks their names
# (api_facts.module_names): "__all__", "defined", "classes", or names as apps import them.
SUBMODULES: dict[str, list[str]] = {
    "gradio.themes": ["__all__"],
    "gradio.themes.base": ["defined"],
    "gradio.themes.utils": ["__all__", "colors", "fonts", "sizes"],
    "gradio.themes.utils.colors": ["defined"],
    "gradio.themes.utils.sizes": ["defined"],
    "gradio.themes.utils.fonts": ["Font", "GoogleFont", "LocalFont"],
    "gradio.components": ["__all__"],
    "gradio.components.base": ["Component", "FormComponent", "StreamingInput", "StreamingOutput", "component",
                               "server"],
    "gradio.components.chatbot": ["classes"],
    "gradio.layouts": ["__all__"],
    "gradio.events": ["classes", "on", "api"],
    "gradio.data_classes": ["FileData", "FileDataDict", "GradioModel", "GradioRootModel", "ImageData",
                            "MediaStreamChunk"],
    "gradio.media": ["defined", "MEDIA_PATHS", "MEDIA_ROOT"],
    "gradio.validators": ["defined"],
    "gradio.i18n": ["defined"],
    "gradio.blocks": ["Blocks", "BlockContext"],
    "gradio.utils": ["get_space"],
}

# Methods apps call, read from their class. Gradio gives every listener (.click, .change, …, and a chain's
# .then/.success/.failure) the same signature; Button.click stands for them all.
METHODS = ["gradio.Button.click", "gradio.Blocks.load", "gradio.Blocks.unload", "gradio.Blocks.launch",
           "gradio.Blocks.queue", "gradio.Blocks.route"]

# Submodule classes whose constructors apps call (themes, colours, sizes, fonts). Other submodule classes
# (gradio.events.Dependency, …) are checked for existence only.
CONSTRUCTED_PREFIXES = ("gradio.themes.",)


def top_level_names(gradio: types.ModuleType) -> dict[str, str]:
    """gradio.__all__ minus SERVER_ONLY ("__all__"), then public non-module attributes outside __all__
    ("attribute": gr.Navbar, gr.Draggable, gr.api, gr.component are used by apps but not listed)."""
    listed = [n for n in gradio.__all__ if n not in SERVER_ONLY]
    extra = [n for n in dir(gradio) if not n.startswith("_") and n not in gradio.__all__
             and not isinstance(getattr(gradio, n), types.ModuleType)]
    return {**dict.fromkeys(sorted(listed), "__all__"), **dict.fromkeys(sorted(extra), "attribute")}


def method_parameters(dotted: str, package_dir: str | None = None) -> list[dict[str, Any]]:
    """Parameters of a method named "pkg.Class.method", read from the class (the instance is not counted)."""
    class_name, _, method = dotted.rpartition(".")
    cls = _lookup(class_name)
    func = inspect.getattr_static(cls, method)
    func = getattr(func, "__func__", func)  # a staticmethod/classmethod object
    params = call_parameters(func, package_dir, bound=True, self_cls=cls)
    return [p for p in params if p["name"] not in EXCLUDED_PARAMETERS]


def _lookup(dotted: str) -> Any:
    module_name, _, attr = dotted.rpartition(".")
    return getattr(importlib.import_module(module_name), attr)


def _canonical_names(names: dict[str, dict[str, str]]) -> dict[int, str]:
    """For each class object, the name it is described under: a top-level name equal to its __name__ (gr.Textbox,
    not its alias gr.Text), else its first top-level name, else its first name."""
    best: dict[int, tuple[int, str]] = {}
    for order, dotted in enumerate(names):
        if names[dotted]["kind"] != "class":
            continue
        cls = _lookup(dotted)
        top = names[dotted]["source"] != "module"
        rank = (0 if top and dotted.rsplit(".", 1)[1] == cls.__name__ else 1 if top else 2) * 10_000 + order
        if id(cls) not in best or rank < best[id(cls)][0]:
            best[id(cls)] = (rank, dotted)
    return {key: dotted for key, (_, dotted) in best.items()}


def describe(root: str = "gradio") -> dict[str, Any]:
    """The manifest: names (dotted → kind, source), submodules (rules, names), classes (constructor parameters,
    listeners) and functions (parameters; each function once, under its first name)."""
    gradio = importlib.import_module(root)
    package_dir = str(Path(gradio.__file__ or ".").parent)
    names: dict[str, dict[str, str]] = {}
    for name, source in top_level_names(gradio).items():
        names[f"{root}.{name}"] = {"kind": kind_of(getattr(gradio, name)), "source": source}
    modules: dict[str, dict[str, Any]] = {}
    for module_name, rules in SUBMODULES.items():
        module = importlib.import_module(module_name)
        picked = [n for n in module_names(module, rules) if not n.startswith("_") and n not in SERVER_ONLY]
        modules[module_name] = {"rules": rules, "names": picked}
        for name in picked:
            names.setdefault(f"{module_name}.{name}", {"kind": kind_of(getattr(module, name)), "source": "module"})

    functions: dict[str, dict[str, Any]] = {}
    described: dict[int, str] = {}
    for dotted, facts in names.items():
        if facts["kind"] == "function" and id(func := _lookup(dotted)) not in described:
            described[id(func)] = dotted
            functions[dotted] = {"parameters": [p for p in call_parameters(func, package_dir)
                                                if p["name"] not in EXCLUDED_PARAMETERS]}
    methods = {dotted: {"parameters": method_parameters(dotted, package_dir)} for dotted in METHODS}
    classes: dict[str, dict[str, Any]] = {}
    canonical = _canonical_names(names)
    for dotted, facts in names.items():
        if facts["kind"] != "class":
            continue
        cls = _lookup(dotted)
        same_as = canonical[id(cls)]
        if facts["source"] == "module" and (same_as != dotted or not dotted.startswith(CONSTRUCTED_PREFIXES)):
            continue  # described under its gr.* name, or a class apps import but do not construct
        entry: dict[str, Any] = {
            "parameters": [p for p in call_parameters(cls, package_dir) if p["name"] not in EXCLUDED_PARAMETERS],
            "listeners": listener_names(cls),
        }
        if same_as != dotted:
            entry["same_as"] = same_as
        classes[dotted] = entry
    return {
        "about": "Facts about Gradio's public API, read by introspection (py/wasmblocks_build/api_manifest.py). "
                 "Regenerate: python3 build.py conformance manifest --gradio-python PYTHON",
        "gradio": getattr(gradio, "__version__", "?"),
        "python": platform.python_version(),
        "excluded": {"names": SERVER_ONLY, "parameters": {**EXCLUDED_PARAMETERS, "_*": "private (leading underscore)"}},
        "names": names,
        "modules": modules,
        "classes": classes,
        "functions": functions,
        "methods": methods,
    }


if __name__ == "__main__":
    json.dump(describe(), sys.stdout, indent=1)
    sys.stdout.write("\n")

"""Make `import gradio` (and `gradio.x`) resolve to wasmblocks inside the browser runtime."""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType
from typing import Any


class GradioAlias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """A finder that answers for `gradio[.…]` with the matching `wasmblocks[.…]` module."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != "gradio" and not fullname.startswith("gradio."):
            return None
        real = "wasmblocks" + fullname[len("gradio"):]
        if importlib.util.find_spec(real) is None:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: Any) -> ModuleType:
        return importlib.import_module("wasmblocks" + spec.name[len("gradio"):])

    def exec_module(self, module: ModuleType) -> None:
        """The real module has already run."""


def install_gradio_alias() -> None:
    """Idempotent; called by the worker before the app runs."""
    if not any(isinstance(finder, GradioAlias) for finder in sys.meta_path):
        sys.meta_path.insert(0, GradioAlias())

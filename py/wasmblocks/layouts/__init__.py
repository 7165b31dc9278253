"""gradio.layouts: every layout class by name (`from gradio.layouts import Row`), resolved on first use."""

from __future__ import annotations

from typing import Any


def _layouts() -> dict[str, Any]:
    from ..block import BlockContext
    from ..block_classes import block_classes

    return {name: cls for name, cls in block_classes(BlockContext).items()
            if cls.__module__.startswith("wasmblocks.layouts.") and name != "Route"}


# Gradio's other spellings (gr.TabItem is gr.Tab).
_ALIASES = {"TabItem": "Tab"}


def __getattr__(name: str) -> Any:
    found = _layouts().get(_ALIASES.get(name, name))
    if found is None or name.startswith("_"):
        raise AttributeError(f"module 'gradio.layouts' has no attribute {name!r}")
    return found


def __dir__() -> list[str]:
    return sorted({*_layouts(), *_ALIASES})

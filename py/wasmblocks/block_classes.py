"""The package's block classes by name, found as subclasses (every module defining one is imported by
`import gradio`): what gradio.components / gradio.layouts and gr.component("textbox") look names up in."""

from __future__ import annotations

from .block import Block

_OURS = ("wasmblocks.components.", "wasmblocks.layouts.", "wasmblocks.templates")


def block_classes(base: type[Block] = Block) -> dict[str, type[Block]]:
    """Public subclasses of base defined in the package's component, layout and template modules, by name."""
    found: dict[str, type[Block]] = {}
    pending: list[type[Block]] = [base]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith(_OURS) and not cls.__name__.startswith("_"):
            found.setdefault(cls.__name__, cls)
    return found

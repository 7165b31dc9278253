"""gradio.components: every component class by name (`from gradio.components import Markdown`).

The names resolve on first use (PEP 562): the component modules import this package on their way in, so
importing them all from here would be circular.
"""

from __future__ import annotations

import importlib
from typing import Any

# Names Gradio's gradio.components has that are not a component class's own name.
_EXTRA = {
    "Component": ("component", "Component"),
    "FormComponent": ("component", "FormComponent"),
    "ChatMessage": ("components.chatbot", "ChatMessage"),
    "MessageDict": ("components.chatbot", "MessageDict"),
    "StreamingInput": ("components.base", "StreamingInput"),
    "StreamingOutput": ("components.base", "StreamingOutput"),
    "InputHTMLAttributes": ("components.html_attributes", "InputHTMLAttributes"),
    "component": ("component_lookup", "component"),
    "Form": ("layouts.form", "Form"),
    "get_component_instance": ("component_lookup", "get_component_instance"),
}
# Gradio's other spellings (gr.Text is gr.Textbox).
_ALIASES = {"Text": "Textbox", "Json": "JSON", "Highlight": "HighlightedText", "Highlightedtext": "HighlightedText",
            "Checkboxgroup": "CheckboxGroup", "Annotatedimage": "AnnotatedImage", "DataFrame": "Dataframe"}


def _components() -> dict[str, Any]:
    from ..block_classes import block_classes
    from ..component import Component

    return {name: cls for name, cls in block_classes(Component).items()
            if cls.__module__.startswith("wasmblocks.components.")}


def __getattr__(name: str) -> Any:
    if name in _EXTRA:
        module, attr = _EXTRA[name]
        return getattr(importlib.import_module(f"wasmblocks.{module}"), attr)
    found = _components().get(_ALIASES.get(name, name))
    if found is None or name.startswith("_"):
        raise AttributeError(f"module 'gradio.components' has no attribute {name!r}")
    return found


def __dir__() -> list[str]:
    return sorted({*_components(), *_EXTRA, *_ALIASES})

"""A Chatbot message's content as Gradio 6 sends and receives it: a list of typed parts.

What apps write (text, a file path dict, a FileData, a component, or a list of these) becomes parts
{"type": "text", "text"} / {"type": "file", "file": FileData, "alt_text"} / {"type": "component", …};
what a function gets back is the same parts with FileData's every key, as Gradio's `Message.model_dump()`.
"""

from __future__ import annotations

import inspect
import os
from typing import Any

from ..alerts import Error
from ..component import Component
from ..files import FILE_MARK, file_data

# Gradio's FileData keys, in its order (model_dump gives every one, unset ones as None / False).
FILE_KEYS = ("path", "url", "size", "orig_name", "mime_type", "is_stream", "meta")


def _file_part(path: str, alt_text: Any = None) -> dict[str, Any]:
    if not os.path.exists(path):
        raise Error(f"Chatbot: no file at {path}")
    return {"file": dict(file_data(os.path.abspath(path))), "alt_text": alt_text, "type": "file"}


def _is_file_data(value: Any) -> bool:
    meta = value.get("meta") if isinstance(value, dict) else None
    return isinstance(meta, dict) and meta.get("_type") == FILE_MARK and isinstance(value.get("path"), str)


def _component_part(component: Component) -> dict[str, Any]:
    """A component as content (gr.Image(value=…), gr.HTML(…)): its block name and shown value, as Gradio's
    ComponentMessage; a file path value becomes FileData so the page can load it."""
    value = getattr(component, "value", None)
    if isinstance(value, str) and os.path.exists(value):
        value = dict(file_data(os.path.abspath(value)))
    name = type(component).get_block_name()
    if name == "file" and value is not None and not isinstance(value, list):
        value = [value]  # Gradio: a File's value in a message is always a list
    props = {"label": getattr(component, "label", None)}
    return {"component": name, "value": value, "constructor_args": {}, "props": props, "type": "component"}


def content_part(item: Any) -> dict[str, Any] | None:
    """One piece of content as a typed part; None for nothing to show."""
    if item is None:
        return None
    if isinstance(item, str):
        # Gradio dedents text content (inspect.cleandoc), so triple-quoted replies do not show as code.
        return {"text": inspect.cleandoc(item), "type": "text"}
    if isinstance(item, bool):
        raise Error(f"Chatbot cannot show message content of type {type(item).__name__}")
    if isinstance(item, (int, float)):
        return {"text": str(item), "type": "text"}
    if isinstance(item, (tuple, os.PathLike)):
        # Gradio 5's (path, alt_text) tuple: still accepted, as a file.
        path, alt = (item, None) if isinstance(item, os.PathLike) else (item[0] if item else None, item[1:2])
        if not isinstance(path, (str, os.PathLike)):
            raise Error(f"Chatbot: a tuple as content holds a file path first, not {path!r}")
        return _file_part(os.fspath(path), alt[0] if alt else None)
    if isinstance(item, dict):
        kind = item.get("type")
        if kind == "text":
            return {"text": str(item.get("text", "")), "type": "text"}
        if kind == "component":
            return {"component": item.get("component"), "value": item.get("value"),
                    "constructor_args": item.get("constructor_args") or {}, "props": item.get("props") or {},
                    "type": "component"}
        if isinstance(item.get("file"), dict):
            return {"file": item["file"], "alt_text": item.get("alt_text"), "type": "file"}
        if _is_file_data(item):
            return {"file": dict(item), "alt_text": item.get("alt_text"), "type": "file"}
        if isinstance(item.get("path"), str):
            return _file_part(item["path"], item.get("alt_text"))
        raise Error(f"Chatbot cannot show message content {item!r}: expected text, a file or a component")
    if isinstance(item, Component):
        return _component_part(item)
    raise Error(f"Chatbot cannot show message content of type {type(item).__name__}")


def content_parts(content: Any) -> list[dict[str, Any]]:
    """A message's content (one item or a list of them) as its list of parts, as Gradio's postprocess."""
    items = content if isinstance(content, list) else [content]
    return [part for part in (content_part(item) for item in items) if part is not None]


def received_part(part: dict[str, Any]) -> dict[str, Any]:
    """A part as a function receives it: a file's FileData with all of Gradio's keys."""
    if part.get("type") == "file" and isinstance(part.get("file"), dict):
        file = part["file"]
        full = {key: file.get(key) for key in FILE_KEYS}
        full["is_stream"] = bool(file.get("is_stream"))
        full["meta"] = file.get("meta") or {"_type": FILE_MARK}
        return {"file": full, "alt_text": part.get("alt_text"), "type": "file"}
    return dict(part)


def part_text(part: dict[str, Any]) -> str | None:
    """A text part's text (None for other parts)."""
    return part.get("text") if part.get("type") == "text" else None

"""gr.MultimodalTextbox: text plus attached files, as {"text": str, "files": [...]}, with submit/stop."""

from __future__ import annotations

import os
from typing import Any

from ..alerts import Error
from ..component import FormComponent
from ..files import FILE_MARK, file_data
from .textbox import InputHTMLAttributes, html_attributes_prop


class MultimodalTextbox(FormComponent):
    """A chat input: the function gets {"text": str, "files": [path, …]}."""

    FILLS_UNSET_VALUE = True  # Gradio's config has a value even for value=None
    EVENTS = ("change", "input", "select", "submit", "focus", "blur", "stop", "upload")
    PROPS = ("sources", "file_types", "file_count", "lines", "max_lines", "placeholder", "autofocus",
             "autoscroll", "text_align", "rtl", "submit_btn", "stop_btn", "max_plain_text_length",
             "html_attributes")

    def __init__(
        self,
        value: str | dict[str, Any] | None = None,
        *,
        sources: list[str] | str | None = None,
        file_types: list[str] | None = None,
        file_count: str = "single",
        lines: int = 1,
        max_lines: int = 20,
        placeholder: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        text_align: str | None = None,
        rtl: bool = False,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = False,
        max_plain_text_length: int = 1000,
        html_attributes: InputHTMLAttributes | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if file_count not in ("single", "multiple", "directory"):
            raise ValueError(
                f"MultimodalTextbox file_count must be 'single', 'multiple' or 'directory', not {file_count!r}"
            )
        self.sources = [sources] if isinstance(sources, str) else list(sources or ["upload"])
        self.file_types = file_types
        self.file_count = file_count
        self.lines = lines
        self.max_lines = max_lines
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.text_align = text_align
        self.rtl = rtl
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        self.max_plain_text_length = max_plain_text_length
        self.html_attributes = html_attributes_prop(html_attributes)
        super().__init__(value, min_width=min_width, **kwargs)

    def display_name(self) -> str:
        # postprocess runs inside Component.__init__, before the block has an id.
        return super().display_name() if hasattr(self, "_id") else type(self).__name__

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        if payload is None:
            return None
        if not isinstance(payload, dict):
            raise Error(f"{self.display_name()} expects {{text, files}}, got {type(payload).__name__}")
        text = payload.get("text") or ""
        if not isinstance(text, str):
            raise Error(f"{self.display_name()}: text must be a string")
        files = []
        for item in payload.get("files") or []:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str):
                raise Error(f"{self.display_name()}: files must be uploaded files")
            files.append(path)
        return {"text": text, "files": files}

    def postprocess(self, value: Any) -> dict[str, Any]:
        if value is None:
            return {"text": "", "files": []}
        if isinstance(value, str):
            return {"text": value, "files": []}
        if not isinstance(value, dict):
            raise Error(f"{self.display_name()} expects a string or {{text, files}}, got {type(value).__name__}")
        files: list[Any] = []
        for item in value.get("files") or []:
            if isinstance(item, dict) and (item.get("meta") or {}).get("_type") == FILE_MARK:
                files.append(item)
                continue
            path = item.get("path") if isinstance(item, dict) else os.fspath(item)
            if not isinstance(path, str) or not os.path.exists(path):
                raise Error(f"{self.display_name()}: no file at {path}")
            files.append(file_data(os.path.abspath(path)))
        return {"text": str(value.get("text") or ""), "files": files}

    def empty_value(self) -> dict[str, Any]:
        return {"text": "", "files": []}

    def api_example(self) -> dict[str, Any]:
        return {"text": "Hello!!", "files": []}

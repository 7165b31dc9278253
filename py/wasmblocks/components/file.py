"""gr.File: upload one file, several, or a directory; the function gets paths (or bytes), returns files to download."""

from __future__ import annotations

import os
from typing import Any

from ..alerts import Error
from ..component import Component
from ..files import returned_file, uploaded_path
from ..utils import NamedString
from .buttons import corner_buttons

FILE_COUNTS = ("single", "multiple", "directory")
TYPES = ("filepath", "binary")


def check_file_options(file_count: str, type: str) -> None:  # noqa: A002 - Gradio's parameter name
    """Shared by File and UploadButton: reject bad `file_count`/`type` at construction."""
    if file_count not in FILE_COUNTS:
        raise ValueError(f"file_count must be one of {FILE_COUNTS}, not {file_count!r}")
    if type not in TYPES:
        raise ValueError(f"type must be 'filepath' or 'binary', not {type!r}")


def preprocess_files(payload: Any, file_count: str, type: str, file_types: list[str] | None, who: str) -> Any:  # noqa: A002
    """Uploaded FileData (one, or a list) → a path / bytes, or a list of them for multiple/directory."""
    if payload is None:
        return None
    items = payload if isinstance(payload, list) else [payload]
    paths = [uploaded_path(item, who, file_types) for item in items]
    values: list[Any] = [NamedString(path) for path in paths]
    if type == "binary":
        values = []
        for path in paths:
            with open(path, "rb") as handle:
                values.append(handle.read())
    if file_count == "single":
        if len(values) != 1:
            raise Error(f"{who} takes one file, got {len(values)}")
        return values[0]
    return values


def postprocess_files(value: Any, file_count: str, who: str) -> Any:
    """Returned paths/bytes (one or a list) → FileData (a list for multiple/directory)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        files = [returned_file(item, who) for item in value]
        return files if file_count != "single" or len(files) != 1 else files[0]
    single = returned_file(value, who)
    return single if file_count == "single" else [single]


class File(Component):
    """Files in, files out; returned files are downloadable in the page (Blob URLs)."""

    EVENTS = ("change", "select", "clear", "upload", "delete", "download")
    PROPS = ("file_count", "file_types", "type", "height", "allow_reordering", "buttons")

    def __init__(
        self,
        value: Any = None,
        *,
        file_count: str = "single",
        file_types: list[str] | None = None,
        type: str = "filepath",  # noqa: A002 - Gradio's parameter name
        height: int | str | None = None,
        allow_reordering: bool = False,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        check_file_options(file_count, type)
        if file_types is not None and not isinstance(file_types, list):
            raise ValueError(f"file_types must be a list like ['.csv', 'image'], not {file_types!r}")
        self.file_count = file_count
        self.file_types = file_types
        self.type = type
        self.height = height
        self.allow_reordering = allow_reordering
        self.buttons = corner_buttons(buttons, (), (), owner="File")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        return preprocess_files(payload, self.file_count, self.type, self.file_types, self.display_name())

    def postprocess(self, value: Any) -> Any:
        return postprocess_files(value, self.file_count, self.display_name())

    def api_example(self) -> Any:
        return {"path": os.path.join("examples", "file.txt"), "meta": {"_type": "gradio.FileData"}}

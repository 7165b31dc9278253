"""FileData: how a file in the worker's file system is named in values sent to the page."""

from __future__ import annotations

import mimetypes
import os
from typing import Any

FILE_MARK = "gradio.FileData"


def file_data(path: str, orig_name: str | None = None, mime_type: str | None = None) -> dict[str, Any]:
    """A FileData dict (protocol.FileData) for a file in the worker's file system."""
    return {
        "path": path,
        "url": None,
        "orig_name": orig_name or os.path.basename(path),
        "size": os.path.getsize(path) if os.path.exists(path) else None,
        "mime_type": mime_type or mimetypes.guess_type(path)[0],
        "meta": {"_type": FILE_MARK},
    }


def file_paths(value: Any) -> list[str]:
    """Paths of every FileData inside a (nested) value."""
    found: list[str] = []
    if isinstance(value, dict):
        meta = value.get("meta")
        if isinstance(meta, dict) and meta.get("_type") == FILE_MARK and isinstance(value.get("path"), str):
            found.append(value["path"])
        else:
            for item in value.values():
                found.extend(file_paths(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(file_paths(item))
    return found

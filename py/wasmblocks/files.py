"""FileData: how a file in the worker's file system is named in values sent to the page."""

from __future__ import annotations

import contextlib
import mimetypes
import os
import warnings
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any, Final

from . import runtime
from .alerts import Error
from .cache import save_bytes
from .data_classes import FileData as FileDataModel
from .protocol import FileData

FILE_MARK: Final = "gradio.FileData"
# Set while a constructor postprocesses its initial value (Component.__init__): see missing_file.
_INITIAL_VALUE: ContextVar[bool] = ContextVar("wasmblocks_initial_value", default=False)


def file_data(path: str, orig_name: str | None = None, mime_type: str | None = None) -> FileData:
    """The FileData for a file in the worker's file system."""
    return FileData(
        path=path,
        url=None,
        orig_name=orig_name or os.path.basename(path),
        size=os.path.getsize(path) if os.path.exists(path) else None,
        mime_type=mime_type or mimetypes.guess_type(path)[0],
        meta={"_type": FILE_MARK},
    )


@contextlib.contextmanager
def initial_value() -> Iterator[None]:
    """The block inside postprocesses a constructor's value: a file it names that is not there is shown as
    missing instead of stopping the app."""
    token = _INITIAL_VALUE.set(True)
    try:
        yield
    finally:
        _INITIAL_VALUE.reset(token)


def missing_file(who: str, path: str, noun: str = "file") -> FileData:
    """What a value naming a file that does not exist becomes.

    Returned by a function: the event's clear error. As a constructor's value: Gradio builds the app anyway
    and the page shows the file as missing (a broken image), so a demo whose sample file is elsewhere still
    starts; a warning names the path.
    """
    if not _INITIAL_VALUE.get():
        raise Error(f"{who}: no {noun} at {path}")
    warnings.warn(f"{who}: no {noun} at {path}; the page shows it as missing", stacklevel=2)
    return file_data(os.path.abspath(path))


def is_url(value: Any) -> bool:
    """An http(s) address (what Gradio passes through to the page instead of a file)."""
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def remote_file(url: str) -> FileData:
    """The FileData for a file the page loads from its address itself, as Gradio shows a URL value (offline,
    or where the server refuses, the browser fails to load it quietly: no error in the app)."""
    name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1][:80] or "file"
    return FileData(path=url, url=url, orig_name=name, size=None, mime_type=mimetypes.guess_type(name)[0],
                    meta={"_type": FILE_MARK})


def downloaded(url: str, who: str) -> str:
    """A URL given to a function as a file, downloaded into the cache (Gradio hands functions local paths);
    a download that fails is the event's clear error."""
    try:
        data = runtime.http_get_bytes_sync(url)
    except runtime.HttpError as exc:
        reason = exc.detail if exc.status == 0 else f"HTTP {exc.status}"
        raise Error(f"{who}: could not download {url} ({reason})") from None
    return save_bytes(data, remote_file(url)["orig_name"])


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


_SIZE_UNITS = {"b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3, "tb": 1024**4}


def parse_file_size(size: int | str | None) -> int | None:
    """Gradio's max_file_size: bytes as an int, or a string like "5mb" / "1.5 GB" (units of 1024)."""
    if size is None:
        return None
    if isinstance(size, bool) or not isinstance(size, (int, float, str)):
        raise ValueError(f"max_file_size must be a number of bytes or a string like '5mb', not {size!r}")
    if isinstance(size, (int, float)):
        return int(size)
    text = size.strip().lower().replace(" ", "")
    for unit in sorted(_SIZE_UNITS, key=len, reverse=True):
        if text.endswith(unit):
            number = text[: -len(unit)]
            try:
                return int(float(number) * _SIZE_UNITS[unit])
            except ValueError:
                break
    raise ValueError(f"max_file_size must be a number of bytes or a string like '5mb', not {size!r}")


def type_matches(name: str, mime_type: str | None, file_types: list[str] | None) -> bool:
    """Whether a file fits Gradio's file_types: ".ext", a MIME category ("image") or "file" (anything)."""
    if not file_types:
        return True
    mime = mime_type or mimetypes.guess_type(name)[0] or ""
    lower = name.lower()
    for kind in file_types:
        kind = kind.lower()
        if kind == "file" or (kind.startswith(".") and lower.endswith(kind)):
            return True
        if not kind.startswith(".") and (mime.startswith(kind + "/") or mime == kind):
            return True
    return False


def uploaded_path(payload: Any, who: str, file_types: list[str] | None = None) -> str:
    """The worker path of an uploaded FileData, checked: it exists and fits `file_types`."""
    if not isinstance(payload, dict) or not isinstance(payload.get("path"), str):
        raise Error(f"{who} expects an uploaded file, got {type(payload).__name__}")
    path: str = payload["path"]
    if is_url(path):
        path = downloaded(path, who)
    if not os.path.isfile(path):
        raise Error(f"{who}: the file {os.path.basename(path)} is no longer in the worker (deleted from the cache?)")
    name = str(payload.get("orig_name") or os.path.basename(path))
    if not type_matches(name, payload.get("mime_type"), file_types):
        raise Error(f"Invalid file type: {name}. {who} accepts {', '.join(file_types or [])}")
    return path


def returned_file(value: Any, who: str, name: str | None = None) -> FileData:
    """A FileData for what a function returned: a path, bytes (written to the cache), a FileData dict or gr.FileData."""

    if isinstance(value, dict) and isinstance(value.get("path"), str):
        return file_data(value["path"], value.get("orig_name"), value.get("mime_type"))
    if isinstance(value, FileDataModel):
        return file_data(value.path, value.orig_name, value.mime_type)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return file_data(save_bytes(bytes(value), name))
    if is_url(value):
        return remote_file(value)
    if isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        if not os.path.isfile(path):
            return missing_file(who, path)
        return file_data(os.path.abspath(path))
    raise Error(f"{who} cannot show a {type(value).__name__}; return a file path or bytes")


def copy_files_into(value: Any, folder: str) -> Any:
    """The value with every FileData's file copied to folder/<random>/<name> and pointing there.

    What Gradio does when it flags a value (each copy in a folder of its own, so same-named files keep apart).
    """
    import secrets
    import shutil

    if isinstance(value, list):
        return [copy_files_into(item, folder) for item in value]
    if not isinstance(value, dict):
        return value
    meta = value.get("meta")
    if isinstance(meta, dict) and meta.get("_type") == FILE_MARK and isinstance(value.get("path"), str):
        source = value["path"]
        if not os.path.isfile(source):
            return value
        target = os.path.join(folder, secrets.token_hex(10), os.path.basename(source))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
        return {**value, "path": os.path.abspath(target), "url": None}
    return {key: copy_files_into(item, folder) for key, item in value.items()}


def simplify_file_data(text: str) -> str:
    """A flagged value's JSON with each FileData replaced by its path (Gradio's CSV shows paths)."""
    import json

    try:
        value = json.loads(text)
    except ValueError:
        return text

    def simplify(item: Any) -> Any:
        if isinstance(item, dict):
            meta = item.get("meta")
            if isinstance(meta, dict) and meta.get("_type") == FILE_MARK and isinstance(item.get("path"), str):
                return item["path"]
            return {key: simplify(v) for key, v in item.items()}
        if isinstance(item, list):
            return [simplify(v) for v in item]
        return item

    simple = simplify(value)
    return simple if isinstance(simple, str) else json.dumps(simple)

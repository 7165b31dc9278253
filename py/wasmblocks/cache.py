"""Where files returned by functions are written, and Blocks(delete_cache=…): deleting old ones."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable

from .file_names import safe_file_name


def cache_dir() -> str:
    """The worker's directory for files that components write (returned bytes, arrays saved as images)."""
    path = os.path.join(tempfile.gettempdir(), "wasmblocks-cache")
    os.makedirs(path, exist_ok=True)
    return path


def save_bytes(data: bytes, name: str | None = None, suffix: str = "") -> str:
    """Write bytes to a new file in the cache (under `name` when given, in a folder of its own); returns the path."""
    folder = os.path.join(cache_dir(), uuid.uuid4().hex[:12])
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, safe_file_name(name) if name else f"file{suffix}")
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def delete_old_files(roots: Iterable[str], age: float, now: float | None = None) -> list[str]:
    """Delete files older than `age` seconds under each root (and the folders that become empty); returns them."""
    now = time.time() if now is None else now
    deleted: list[str] = []
    for root in roots:
        if not os.path.isdir(root):
            continue
        for folder, _dirs, files in os.walk(root, topdown=False):
            for name in files:
                path = os.path.join(folder, name)
                try:
                    if now - os.path.getmtime(path) > age:
                        os.remove(path)
                        deleted.append(path)
                except OSError:
                    continue
            if folder != root:
                with contextlib.suppress(OSError):
                    os.rmdir(folder)  # only succeeds when empty
    return deleted


async def clean_periodically(roots: Callable[[], list[str]], frequency: float, age: float) -> None:
    """Gradio's delete_cache=(frequency, age): every `frequency` seconds, delete files older than `age`."""
    while True:
        await asyncio.sleep(frequency)
        delete_old_files(roots(), age)

"""The few names of gradio.utils that apps use: NO_RELOAD, FileSize, NamedString, set_static_paths, get_space."""

from __future__ import annotations

import os
from pathlib import Path

# Gradio skips `if gr.NO_RELOAD:` blocks when its file watcher re-runs an app in the same module. Here every
# run (the editor's preview included) starts the app's modules afresh (restart.forget_app), so the block must
# run each time, as it does in Gradio outside reload mode.
NO_RELOAD = True

# Paths given to set_static_paths, resolved; kept for apps that read them back.
STATIC_PATHS: list[Path] = []


class NamedString(str):
    """A path that also answers `.name` with itself: what File and UploadButton give a function for
    type="filepath", as Gradio does, so code from before Gradio 4 (when it got file objects) still runs."""

    name: str

    def __new__(cls, value: str = "") -> NamedString:
        text = super().__new__(cls, value)
        text.name = str.__str__(text)
        return text


class FileSize:
    """Byte units for max_file_size= (`5 * gr.FileSize.MB`)."""

    B = 1
    KB = 1024 * B
    MB = 1024 * KB
    GB = 1024 * MB
    TB = 1024 * GB


def set_static_paths(paths: str | Path | list[str | Path]) -> None:
    """Gradio serves these files in place instead of copying them to its cache. Every file an app uses is
    already in the worker's file system and is handed to the page from where it is, so this only records them."""
    items = [paths] if isinstance(paths, (str, Path)) else paths
    if not isinstance(items, list) or not all(isinstance(p, (str, Path)) for p in items):
        raise TypeError(f"set_static_paths takes a path or a list of paths, not {paths!r}")
    STATIC_PATHS.extend(Path(p).resolve() for p in items)


def get_space() -> str | None:
    """The Hugging Face Space this runs in: never one in a browser (Gradio reads the same variables)."""
    if os.getenv("SYSTEM") == "spaces":
        return os.getenv("SPACE_ID")
    return None


set_static_paths.BROWSER_NOTES = {  # type: ignore[attr-defined]
    "paths": "no effect: files are already in the worker's file system and go to the page from where they are",
}

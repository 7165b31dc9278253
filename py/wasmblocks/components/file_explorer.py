"""gr.FileExplorer: a tree of the worker's files (the app's folder by default) to pick files and folders from.

The page lists one folder at a time through the `ls` server function, as Gradio's frontend does, so a large
folder costs nothing until it is opened and a listing is never older than the last time it was opened.
Values travel as lists of path parts below root_dir (Gradio's FileExplorerData); functions get absolute paths.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
from typing import Any, ClassVar

from ..alerts import Error
from ..component import Component

FILE_COUNTS = ("single", "multiple")


def check_root_dir(root_dir: Any) -> str:
    """Gradio's root_dir check: an existing directory, made absolute (relative to the app's folder)."""
    if not isinstance(root_dir, (str, os.PathLike)):
        raise ValueError(f"root_dir must be a path, not {root_dir!r}")
    path = os.path.abspath(os.fspath(root_dir))
    if not os.path.exists(path):
        raise ValueError(f"The specified root_dir does not exist: {root_dir}")
    if not os.path.isdir(path):
        raise ValueError(f"The specified root_dir is not a directory: {root_dir}")
    return path


def check_file_count(file_count: Any) -> str:
    if file_count not in FILE_COUNTS:
        raise ValueError(f"Invalid value for parameter `file_count`: {file_count}. "
                         f"Please choose from one of: {list(FILE_COUNTS)}")
    return str(file_count)


def custom_buttons(buttons: Any, who: str) -> list[dict[str, Any]] | None:
    """Gradio 6's buttons=[gr.Button(…)]: each leaves the layout and shows in the corner by its value."""
    from .button import Button

    if buttons is None:
        return None
    if not isinstance(buttons, (list, tuple)) or not all(isinstance(b, Button) for b in buttons):
        raise ValueError(f"{who} buttons must be a list of gr.Button, not {buttons!r}")
    for button in buttons:
        button.unrender()
    return [{"id": b.id, "value": b.value} for b in buttons]


def _parts(payload: Any, who: str) -> list[list[str]]:
    if not isinstance(payload, list) or not all(
        isinstance(path, list) and all(isinstance(part, str) for part in path) for path in payload
    ):
        raise Error(f"{who} expects a list of paths, each a list of names, not {payload!r}")
    return payload


class FileExplorer(Component):
    """Pick files (and folders) below root_dir; the function gets absolute paths, one or a list (file_count)."""

    EVENTS = ("change", "input", "select")
    PROPS = ("glob", "ignore_glob", "file_count", "root_dir", "height", "max_height", "min_height", "buttons")
    SERVER_FNS = ("ls",)
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "root_dir": "differs: a folder of the worker's file system (the app's files are in its working "
                    "directory), not of the machine that serves the page",
    }

    def __init__(
        self,
        glob: str = "**/*",
        *,
        value: Any = None,
        file_count: str = "multiple",
        root_dir: str | os.PathLike[str] = ".",
        ignore_glob: str | None = None,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        preserved_by_key: list[str] | str | None = "value",
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.root_dir = check_root_dir(root_dir)
        self.glob = glob
        self.ignore_glob = ignore_glob
        self.file_count = check_file_count(file_count)
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.buttons = custom_buttons(buttons, "FileExplorer")
        super().__init__(value, preserved_by_key=preserved_by_key, min_width=min_width, **kwargs)

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """A returned gr.FileExplorer(root_dir=…) is checked (and made absolute) like the constructor's."""
        props = {**props}
        try:
            if "root_dir" in props:
                props["root_dir"] = check_root_dir(props["root_dir"])
            if "file_count" in props:
                props["file_count"] = check_file_count(props["file_count"])
            if "buttons" in props:
                props["buttons"] = custom_buttons(props["buttons"], self.display_name())
        except ValueError as exc:  # a bad update is the function's error: shown as a toast
            raise Error(f"{self.display_name()}: {exc}") from exc
        return props

    # ---- values ----
    def preprocess(self, payload: Any) -> str | list[str] | None:
        """[["sub", "a.txt"], …] → absolute path(s) below root_dir: one (or None) for "single", else a list."""
        if payload is None:
            return None
        paths = [self._safe_join(parts) for parts in _parts(payload, self.display_name())]
        if self.file_count == "single":
            if len(paths) > 1:
                raise Error(f"Expected only one file, but {len(paths)} were selected.")
            return paths[0] if paths else None
        return paths

    def postprocess(self, value: Any) -> list[list[str]] | None:
        """A path or a list of paths (absolute below root_dir, or relative to it) → lists of path parts."""
        if value is None:
            return None
        files = [value] if isinstance(value, (str, os.PathLike)) else value
        if not isinstance(files, (list, tuple)) or not all(isinstance(f, (str, os.PathLike)) for f in files):
            raise Error(f"{self.display_name()} expects a path or a list of paths, not {value!r}")
        return [self._strip_root(os.fspath(f)).split(os.sep) for f in files]

    def _strip_root(self, path: str) -> str:
        # Gradio's rule: a path that starts with root_dir loses it (and the separator after it).
        return path[len(self.root_dir) + 1:] if path.startswith(self.root_dir) else path

    def _safe_join(self, parts: list[str]) -> str:
        """root_dir joined with the parts, refusing any that would leave root_dir (as Gradio's safe_join)."""
        if not parts:
            return self.root_dir
        relative = posixpath.normpath(posixpath.join(*parts))
        if relative == ".." or relative.startswith(("../", "/")) or os.path.isabs(relative):
            raise Error(f"{self.display_name()}: {'/'.join(parts)!r} is outside its root_dir")
        return os.path.join(self.root_dir, relative)

    # ---- the page's listing ----
    def ls(self, subdirectory: list[str] | None = None) -> list[dict[str, Any]]:
        """One folder's entries for the tree: folders first, then files matching glob, minus ignore_glob.

        As in Gradio, glob and ignore_glob are matched (fnmatch) against each entry's absolute path; a folder
        is always listed, and `valid` says whether it matches glob itself (then it can be picked too).
        """
        folder = self._safe_join(_parts([subdirectory or []], self.display_name())[0])
        try:
            names = sorted(os.listdir(folder))
        except (FileNotFoundError, NotADirectoryError, PermissionError):
            return []
        files: list[dict[str, Any]] = []
        folders: list[dict[str, Any]] = []
        for name in names:
            full = os.path.join(folder, name)
            try:
                is_file = not os.path.isdir(full)
            except OSError:
                continue
            valid = fnmatch.fnmatch(full, self.glob)
            if is_file and not valid:
                continue
            if self.ignore_glob and fnmatch.fnmatch(full, self.ignore_glob):
                continue
            (files if is_file else folders).append({"name": name, "type": "file" if is_file else "folder",
                                                    "valid": valid})
        return folders + files

    def api_example(self) -> Any:
        return [["app.py"]]

"""Run an app's entry file and find the Blocks it defines; on failure, say which file and line."""

from __future__ import annotations

import os
import runpy
import sys
import traceback
from dataclasses import dataclass

from .blocks import Blocks
from .context import Context, number_app_from_start


@dataclass
class AppLoadError(Exception):
    """The app could not be loaded; carries what the page shows."""

    message: str
    traceback: str
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f" ({self.file}, line {self.line})" if self.file else ""
        return f"{self.message}{where}"


def _where(exc: BaseException, app_dir: str) -> tuple[str | None, int | None]:
    """The last place inside the app's own files where exc passed (SyntaxError knows it directly)."""
    if isinstance(exc, SyntaxError) and exc.filename:
        return os.path.relpath(exc.filename, app_dir), exc.lineno
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename).startswith(os.path.abspath(app_dir) + os.sep):
            found = (os.path.relpath(frame.filename, app_dir), frame.lineno)
    return found


def load_app(entrypoint: str, app_dir: str, chdir: bool = True) -> Blocks:
    """Run app_dir/entrypoint as __main__ (so `demo.launch()` runs) and return its Blocks.

    chdir=False leaves the working directory alone (a test process loading an app with wasmblocks.Client).
    """
    app_dir = os.path.abspath(app_dir)
    path = os.path.join(app_dir, entrypoint)
    if app_dir not in sys.path:
        sys.path.insert(0, app_dir)
    if chdir:
        os.chdir(app_dir)
    Context.created_roots.clear()
    Context.launched = None
    Context.main_namespace = None
    number_app_from_start()
    try:
        namespace = runpy.run_path(path, run_name="__main__")
    except BaseException as exc:
        file, line = _where(exc, app_dir)
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        message = f"{type(exc).__name__}: {exc}"
        raise AppLoadError(message, text, file, line) from exc
    Context.main_namespace = namespace
    app = Context.launched or namespace.get("demo")
    if not isinstance(app, Blocks):
        roots = [r for r in Context.created_roots if r.root is r]
        app = roots[-1] if roots else None
    if app is None:
        raise AppLoadError(f"{entrypoint} defines no gr.Blocks or gr.Interface app", "", entrypoint, None)
    return app

"""Exported apps for tests: each app exported once per session with wasmblocks' own export, keyed by a hash of
its files and the export options, and served from a loopback HTTP server under /sites/<hash>/."""

from __future__ import annotations

import hashlib
import json
import textwrap
from pathlib import Path
from typing import Any

from wasmblocks_build.common import INSTALLED, RUNTIME_DIR
from wasmblocks_build.export import collect_app, export
from wasmblocks_build.httpd import StaticHandler, make_server, serve_in_thread
from wasmblocks_build.site import build_runtime

AppSource = str | Path


class _QuietHandler(StaticHandler):
    quiet = True  # a page load makes dozens of requests; pytest output stays readable


def is_source_text(app: AppSource) -> bool:
    """An app given as Python source (what `wasmblocks_app("import gradio as gr\\n…")` passes)."""
    return isinstance(app, str) and ("\n" in app or app.lstrip().startswith(("import ", "from ")))


def resolve_app(app: AppSource, near: Path | None = None) -> Path:
    """The .py file or folder `app` names: relative to `near` (the test file's folder) first, then the cwd."""
    path = Path(app)
    candidates = [path] if path.is_absolute() else [*([near / path] if near else []), Path.cwd() / path]
    for candidate in candidates:
        if candidate.exists():
            return candidate.resolve()
    where = " or ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"no app file or folder {str(app)!r} (looked at {where}); pass a .py file, a folder "
                            "with app.py, or the app's source text")


def content_key(app: Path, options: dict[str, Any]) -> str:
    """Hash of what an export of this app depends on: its files (names and bytes), the options, the runtime."""
    _entry, files, manifest = collect_app(app)
    base = app.parent if app.is_file() else app
    h = hashlib.sha256()
    h.update(json.dumps({"entry": manifest["entrypoint"], "options": options}, sort_keys=True, default=str).encode())
    for path in files:
        h.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    runtime = RUNTIME_DIR / "runtime.json"
    h.update(runtime.read_bytes() if runtime.is_file() else b"")
    return h.hexdigest()[:16]


class Sites:
    """The session's exported apps and the server that serves them; close() stops the server."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._server = make_server(root, "127.0.0.1", 0, handler=_QuietHandler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        serve_in_thread(self._server)
        self._sources = 0
        # From a source checkout the runtime is built (or found up to date) once, before the first export.
        self._built = INSTALLED

    def site_url(self, app: AppSource, near: Path | None = None, **options: Any) -> str:
        """Export the app unless this content was exported already; return the URL of its index page.

        options are export()'s (snapshot=False, vendor=True, …).
        """
        if is_source_text(app):
            self._sources += 1
            folder = self.root / "sources" / f"app-{self._sources}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "app.py").write_text(textwrap.dedent(str(app)), encoding="utf-8")
            path = folder / "app.py"
        else:
            path = resolve_app(app, near)
        if not self._built:
            build_runtime()
            self._built = True
        key = content_key(path, options)
        site = self.root / "sites" / key
        if not (site / "index.html").is_file():
            export(path, site, build=False, **options)
        return f"{self.url}sites/{key}/"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

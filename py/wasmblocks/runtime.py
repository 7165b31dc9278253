"""The only module that touches Pyodide (`js`, `pyodide`): the worker's entry points, sending, and JSPI."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any, Callable

IN_BROWSER = sys.platform == "emscripten"


def _json_default(value: Any) -> Any:
    """Values json can't encode (numpy scalars/arrays, sets, paths) as the nearest JSON."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def encode(message: dict[str, Any]) -> str:
    return json.dumps(message, default=_json_default, separators=(",", ":"))


async def run_blocking(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a sync user function without blocking other events where the platform allows.

    CPython: a thread, as Gradio's server does. Browser: a direct call. Pyodide runs every asyncio task
    step on its own JSPI stack and makes time.sleep suspend that stack (pyodide.webloop), so a sleeping
    handler lets the other events run; without JSPI, time.sleep blocks but every output still arrives.
    """
    if not IN_BROWSER:
        return await asyncio.to_thread(func, *args, **kwargs)
    return func(*args, **kwargs)


def start_app(entrypoint: str, app_dir: str, js_send: Any) -> Any:
    """Worker entry: run the app and return the handler for page messages, or None after a boot_error."""
    from .aliases import install_gradio_alias
    from .bridge import Bridge
    from .loader import AppLoadError, load_app

    def send(message: dict[str, Any], paths: list[str]) -> None:
        # The JS side reads these files from the shared file system and transfers their bytes.
        js_send(encode(message), "\n".join(paths) if paths else None)

    install_gradio_alias()
    try:
        app = load_app(entrypoint, app_dir)
    except AppLoadError as exc:
        send({"type": "boot_error", "message": exc.message, "traceback": exc.traceback, "file": exc.file, "line": exc.line}, [])
        return None
    bridge = Bridge(app, send)

    def handle(text: str, js_buffers: Any = None) -> None:
        try:
            message = json.loads(text)
        except ValueError as exc:
            bridge.error(f"Message is not JSON: {exc}")
            return
        buffers = [b.to_bytes() for b in js_buffers] if js_buffers else []
        bridge.handle(message, buffers)

    handle.bridge = bridge  # type: ignore[attr-defined]  # restart.stop_app cancels its events
    return handle


async def load_packages(packages: list[str]) -> dict[str, str]:
    """Load Pyodide packages by name (pyodide.loadPackage); returns problems by package ("*": unattributed).

    Under CPython there is nothing to load: the caller then finds the package missing and says so.
    """
    if not IN_BROWSER:
        return {"*": "not installed in this Python"}
    import pyodide_js  # type: ignore[import-not-found]
    from pyodide.ffi import create_proxy, to_js  # type: ignore[import-not-found]

    problems: dict[str, str] = {}

    def on_error(text: str) -> None:
        named = [p for p in packages if p.lower() in str(text).lower()]
        for package in named or ["*"]:
            problems.setdefault(package, str(text).strip())

    errors = create_proxy(on_error)
    quiet = create_proxy(lambda _text: None)
    try:
        await pyodide_js.loadPackage(to_js(packages), errorCallback=errors, messageCallback=quiet)
    except Exception as exc:  # a network failure rejects in some Pyodide versions and only logs in others
        problems.setdefault("*", str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    finally:
        errors.destroy()
        quiet.destroy()
    return problems


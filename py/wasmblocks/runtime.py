"""The only module that touches Pyodide (`js`, `pyodide`): encoding for the JS side, JSPI, package loading.

A leaf: it imports nothing of wasmblocks, so every layer may use it (worker_entry.py composes the worker).
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Mapping
from typing import Any

IN_BROWSER = sys.platform == "emscripten"


def _json_default(value: Any) -> Any:
    """Values json can't encode (numpy scalars/arrays, sets, paths) as the nearest JSON."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def encode(message: Mapping[str, Any]) -> str:
    """A message as compact JSON text, for the worker's JS to parse."""
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


def buffers_to_bytes(js_buffers: Any) -> list[bytes]:
    """The page message's ArrayBuffers (JS proxies), as bytes."""
    return [buffer.to_bytes() for buffer in js_buffers] if js_buffers else []


async def load_packages(packages: list[str]) -> dict[str, str]:
    """Load Pyodide packages by name (pyodide.loadPackage); returns problems by package ("*": unattributed).

    Under CPython there is nothing to load: the caller then finds the package missing and says so.
    """
    if not IN_BROWSER:
        return {"*": "not installed in this Python"}
    import pyodide_js
    from pyodide.ffi import create_proxy, to_js

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


"""The only module the worker's JS calls: run an app, hand it page messages, stop it, say what it needs.

It composes the worker from the layers below (loader, page session, runtime); nothing imports it.
The JS side: web/src/worker/worker.ts (start_app), restart.ts (stop_app), app-files.ts (implied_requirements).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from . import implied, protocol, restart, runtime
from .aliases import install_gradio_alias
from .context import Context
from .loader import AppLoadError, load_app
from .page_session import PageSession, message_ref


class RunningApp:
    """The handler the JS side calls with each page message: `handler(json_text, buffers)`."""

    def __init__(self, session: PageSession) -> None:
        self.session = session

    def __call__(self, text: str, js_buffers: Any = None) -> None:
        """Handle one page message; nothing it holds can raise out of here (the JS side has no app to go back to)."""
        try:
            message = json.loads(text)
        except (ValueError, TypeError, RecursionError) as exc:
            self.session.error(f"Message is not JSON: {exc}")
            return
        try:
            buffers = runtime.buffers_to_bytes(js_buffers)
        except Exception as exc:
            kind, ref = (message.get("type"), message_ref(message)) if isinstance(message, dict) else (None, None)
            self.session.error(f"The {kind} message's buffers are not ArrayBuffers: {exc}", ref)
            return
        try:
            self.session.handle(message, buffers)
        except Exception as exc:  # PageSession.handle answers bad messages itself; this is its own failure
            self.session.error(f"The worker could not handle a message: {type(exc).__name__}: {exc}")


def start_app(entrypoint: str, app_dir: str, js_send: Any) -> RunningApp | None:
    """Run the app and return the handler for page messages, or None after a boot_error."""

    def send(message: protocol.WorkerMessage, paths: list[str]) -> None:
        # The JS side reads these files from the shared file system and transfers their bytes.
        js_send(runtime.encode(message), "\n".join(paths) if paths else None)

    install_gradio_alias()
    runtime.install_interruptible_sleep()
    try:
        app = load_app(entrypoint, app_dir)
    except AppLoadError as exc:
        send(protocol.boot_error_message(exc.message, exc.traceback, exc.file, exc.line), [])
        return None
    return RunningApp(PageSession(app, send, copy_states=True, main=Context.main_namespace))


def stop_app(handle: object, app_dir: str) -> int:
    """Cancel the running app's events and forget its modules and files; returns how many events were stopped.

    `handle` is what start_app returned, or JS null (a JsNull, not None) when the app did not start.
    """
    stopped = 0
    if isinstance(handle, RunningApp):
        queue = handle.session.queue
        stopped = queue.cancel(sorted({job.fn.id for job in queue.jobs()}))
    restart.forget_app(app_dir)
    return stopped


def implied_requirements(sources: Iterable[str], listed: Iterable[str]) -> list[str]:
    """What the app's sources need beyond `listed` (tzdata when they name a time zone; implied.py)."""
    return implied.implied_requirements(list(sources), list(listed))


def implied_packages(sources: Iterable[str], listed: Iterable[str]) -> list[str]:
    """The Pyodide packages the app's inputs need by their type, beyond `listed` (implied.py): the worker
    prefetches them for apps without an export's plan (share links, the editor)."""
    return implied.implied_packages(list(sources), list(listed))

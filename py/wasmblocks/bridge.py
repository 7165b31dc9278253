"""Messages from the page, checked and dispatched; messages to the page, with file bytes attached."""

from __future__ import annotations

import asyncio
import mimetypes
import os
from typing import Any, Callable

from .alerts import EventContext
from .blocks import Blocks
from .cache import cache_dir, clean_periodically
from .config import app_config
from .processing import run_event
from .protocol import PAGE_MESSAGE_TYPES
from .queue import EventQueue, Job, QueueFull
from .events import BlockFunction
from .render import session_block, session_function
from .files import file_data, file_paths
from .session import Session

# send(message, paths): paths are the files whose bytes go with the message, in FileRef.buffer order.
Send = Callable[[dict[str, Any], list[str]], None]


class Bridge:
    """One page session of one app: takes page messages, sends worker messages through `send`."""

    def __init__(self, app: Blocks, send: Send, session: Session | None = None) -> None:
        self.app = app
        self._send = send
        self.session = session or Session()
        self.queue = EventQueue(app.default_concurrency_limit, app.max_size)
        self._sent_files: set[tuple[str, float, int]] = set()
        self._cleaner: asyncio.Task[None] | None = None
        self.blocks = app.blocks()

    # ---- out ----
    def send(self, message: dict[str, Any]) -> None:
        """Send a message; an update also names the files it refers to (each file version once).

        The worker's JS reads those files' bytes straight from the file system and transfers them,
        so bytes never pass through JSON or Python (protocol.FileRef).
        """
        paths: list[str] = []
        kind = message.get("type")
        if kind in ("update", "tree"):
            refs = []
            for path in file_paths(message["updates"] if kind == "update" else message["config"]["root"]):
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                version = (path, stat.st_mtime, stat.st_size)
                if version in self._sent_files:
                    continue
                self._sent_files.add(version)
                refs.append({"path": path, "mime_type": mimetypes.guess_type(path)[0], "buffer": len(paths)})
                paths.append(path)
            if refs:
                message = {**message, "files": refs}
        self._send(message, paths)

    def send_tree(self) -> None:
        self.send({"type": "tree", "config": app_config(self.app)})

    def error(self, text: str, ref: str | None = None) -> None:
        self.send({"type": "error", "message": text, "ref": ref})

    def function(self, dep_id: Any) -> BlockFunction | None:
        """An app dependency, or one a @gr.render function created in this session."""
        if not isinstance(dep_id, int):
            return None
        return self.app.fns.get(dep_id) or session_function(self.session, dep_id)

    # ---- in ----
    def handle(self, message: Any, buffers: list[bytes] | None = None) -> None:
        """Dispatch one page message; a malformed one gets an `error` reply and changes nothing."""
        kind = message.get("type") if isinstance(message, dict) else None
        if kind not in PAGE_MESSAGE_TYPES:
            self.error(f"Unknown message type {kind!r}; expected one of {', '.join(PAGE_MESSAGE_TYPES)}")
            return
        try:
            getattr(self, f"_on_{kind}")(message, buffers or [])
        except (KeyError, TypeError, ValueError) as exc:
            self.error(f"Malformed {kind} message: {exc}", message.get("event_id") or message.get("upload_id"))

    def _on_init(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        self.session.url = str(message.get("url", ""))
        if message.get("session_hash"):
            self.session.hash = str(message["session_hash"])
        self._start_cache_cleaner()
        self.send_tree()

    def _start_cache_cleaner(self) -> None:
        """Blocks(delete_cache=(frequency, age)): delete this session's old uploads and returned files."""
        setting = getattr(self.app, "delete_cache", None)
        if not setting or self._cleaner is not None:
            return
        frequency, age = setting
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (a synchronous test): nothing to schedule
            return
        self._cleaner = loop.create_task(clean_periodically(lambda: [self.session.tmp_dir, cache_dir()], frequency, age))

    def _on_event(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        event_id = str(message["event_id"])
        dep_id = message["dep_id"]
        fn = self.function(dep_id)
        if fn is None or fn.fn is None:
            self.error(f"No event function with id {dep_id!r}", event_id)
            return
        data = message.get("data", [])
        if not isinstance(data, list):
            raise TypeError("data must be a list with one value per input")
        trigger = self.blocks.get(message.get("trigger_id")) or session_block(self.session, message.get("trigger_id"))
        ctx = EventContext(event_id=event_id, dep_id=fn.id, emit=self.send)
        job = Job(
            event_id=event_id,
            fn=fn,
            start=lambda: run_event(fn, self.session, ctx, data, message.get("event_data"), trigger),
            emit=self.send,
        )
        try:
            self.queue.submit(job)
        except QueueFull as exc:
            self.send({"type": "toast", "level": "error", "message": str(exc), "title": "Queue full", "duration": 10, "event_id": event_id})
            job.status("error", success=False, message=str(exc))

    def _on_cancel(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        dep_ids = message["dep_ids"]
        if not isinstance(dep_ids, list) or not all(isinstance(d, int) for d in dep_ids):
            raise TypeError("dep_ids must be a list of dependency ids")
        unknown = [d for d in dep_ids if self.function(d) is None]
        if unknown:
            self.error(f"Cannot cancel unknown event function(s) {unknown}")
            return
        self.queue.cancel(dep_ids)

    def _on_upload(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        upload_id = str(message["upload_id"])
        files = message["files"]
        if len(files) != len(buffers):
            raise ValueError(f"{len(files)} files but {len(buffers)} buffers")
        limit = getattr(self.app, "max_file_size", None)
        too_big = [str(meta.get("name")) for meta, data in zip(files, buffers) if limit is not None and len(data) > limit]
        if too_big:
            # The page checks first (with a toast); this guards pages that skip the check.
            self.send({"type": "uploaded", "upload_id": upload_id, "error": f"{', '.join(too_big)} exceeds the maximum file size of {limit} bytes"})
            return
        saved = []
        for meta, data in zip(files, buffers):
            name = os.path.basename(str(meta.get("name") or "file")) or "file"
            path = os.path.join(self.session.new_upload_dir(), name)
            with open(path, "wb") as handle:
                handle.write(data)
            saved.append(file_data(path, orig_name=name, mime_type=meta.get("type") or None))
        self.send({"type": "uploaded", "upload_id": upload_id, "files": saved})

    def _on_unload(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        for fn in self.app.unload_fns:
            try:
                fn()
            except Exception as exc:  # the page is leaving: report, never raise
                print(f"unload function failed: {exc!r}")

    def _on_run(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        # The worker's JS restarts the app (web/src/worker/restart.ts); a `run` that reaches the app is a bug.
        self.error("`run` is handled by the worker, not by the running app")

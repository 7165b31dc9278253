"""One page session: messages from the page, checked and dispatched; messages to it, with file bytes attached."""

from __future__ import annotations

import asyncio
import mimetypes
import os
import sys
from collections.abc import Callable
from typing import Any

from . import protocol, runtime
from .alerts import EventContext
from .api_info import api_info, skipped_ids
from .block_function import BlockFunction
from .blocks import Blocks
from .cache import cache_dir, clean_periodically
from .config import app_config
from .file_names import safe_file_name
from .files import file_data, file_paths
from .i18n import localize, translator
from .processing import call_server_function, error_message, run_event
from .queue import EventQueue, Job, QueueFull
from .render import session_block, session_function
from .session import Session
from .session_copy import SessionCopy

# send(message, paths): paths are the files whose bytes go with the message, in FileRef.buffer order.
Send = Callable[[protocol.WorkerMessage, list[str]], None]


class PageSession:
    """One page session of one app: takes page messages, sends worker messages through `send`."""

    def __init__(
        self, app: Blocks, send: Send, session: Session | None = None, *, copy_states: bool = False,
        main: dict[str, Any] | None = None,
    ) -> None:
        """copy_states: send `state` copies after events (the worker does; docs/events.md, "Stop for anything").

        main: the app entry file's globals, for pickling the classes it defines (state_mirror.py).
        """
        self.app = app
        self._send = send
        self.session = session or Session()
        self.queue = EventQueue(app.default_concurrency_limit, app.max_size)
        self._sent_files: set[tuple[str, float, int]] = set()
        self._cleaner: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Future[None]] = set()
        self._translator: tuple[tuple[int, tuple[str, ...]], Callable[[str], str]] | None = None
        self.blocks = app.blocks()
        self.copy = SessionCopy(self.session, self.blocks, main) if copy_states else None

    # ---- out ----
    def send(self, message: protocol.WorkerMessage) -> None:
        """Send a message; an update or tree also names the files it refers to (each file version once).

        The worker's JS reads those files' bytes straight from the file system and transfers them,
        so bytes never pass through JSON or Python (protocol.FileRef).
        """
        paths: list[str] = []
        if message["type"] in ("update", "tree", "toast"):
            message = localize(message, self._translate)
        if message["type"] == "update":
            refs = self._file_refs(message["updates"], paths)
            if refs:
                message = {**message, "files": refs}
        elif message["type"] == "tree":
            refs = self._file_refs(message["config"]["root"], paths)
            if refs:
                message = {**message, "files": refs}
        self._send(message, paths)

    def _translate(self, key: str) -> str:
        """gr.I18n text for this page's languages (demo.launch(i18n=…)); the key when there is none."""
        i18n = getattr(self.app, "i18n", None)
        table = i18n.translations if i18n is not None else {}
        if self._translator is None or self._translator[0] != (id(table), tuple(self.session.languages)):
            self._translator = ((id(table), tuple(self.session.languages)), translator(table, self.session.languages))
        return self._translator[1](key)

    def _file_refs(self, value: Any, paths: list[str]) -> list[protocol.FileRef]:
        """FileRefs for the files in `value` not sent before; their paths are appended to `paths`."""
        refs: list[protocol.FileRef] = []
        for path in file_paths(value):
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
        return refs

    def send_tree(self) -> None:
        self.send(protocol.tree_message(app_config(self.app)))

    def error(self, text: str, ref: str | None = None) -> None:
        self.send(protocol.error_message(text, ref))

    def function(self, dep_id: Any) -> BlockFunction | None:
        """An app dependency, or one a @gr.render function created in this session."""
        if not isinstance(dep_id, int) or isinstance(dep_id, bool):
            return None
        return self.app.fns.get(dep_id) or session_function(self.session, dep_id)

    # ---- in ----
    def handle(self, message: Any, buffers: list[bytes] | None = None) -> None:
        """Dispatch one page message; one that cannot be handled gets an `error` naming it, and the app stays.

        The catch-all is the point: before it, an OSError from an upload named `..` escaped to the worker
        and the page replaced the whole app with its start-up error.
        """
        kind = message.get("type") if isinstance(message, dict) else None
        if not isinstance(kind, str) or kind not in protocol.PAGE_MESSAGE_TYPES:
            shown = kind if isinstance(kind, str) else type(kind).__name__ if kind is not None else None
            self.error(f"Unknown message type {shown!r}; expected one of {', '.join(protocol.PAGE_MESSAGE_TYPES)}")
            return
        try:
            getattr(self, f"_on_{kind}")(message, buffers or [])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            self.error(f"Malformed {kind} message: {_describe(exc)}", message_ref(message))
        except Exception as exc:
            self.error(f"Could not handle the {kind} message: {type(exc).__name__}: {exc}", message_ref(message))

    def _on_init(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        self.session.url = str(message.get("url", ""))
        languages = message.get("languages", [])
        if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
            raise ValueError("languages must be a list of language tags such as 'en-US'")
        self.session.languages = list(languages)
        headers = message.get("headers", {})
        if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
            raise ValueError("headers must map header names to strings")
        self.session.headers = {str(k).lower(): v for k, v in headers.items()}
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
        self._cleaner = loop.create_task(
            clean_periodically(lambda: [self.session.tmp_dir, cache_dir()], frequency, age)
        )

    def _on_event(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        event_id = _text_id(message, "event_id")
        dep_id = message["dep_id"]
        fn = self.function(dep_id)
        if fn is None or fn.fn is None:
            self.error(f"No event function with id {dep_id!r}", event_id)
            return
        if self.app.auth is not None and self.session.username is None:
            # launch(auth=…): nothing runs for a visitor who has not logged in (Gradio's server answers 401).
            self.error("Log in first: this app asks for a name and password", event_id)
            return
        data = message.get("data", [])
        if not isinstance(data, list):
            raise TypeError("data must be a list with one value per input")
        if isinstance(message.get("url"), str):
            # The page's URL can change after load (history.replaceState, navbar links with a query string).
            self.session.url = message["url"]
        trigger_id = message.get("trigger_id")
        trigger = None
        if isinstance(trigger_id, int):
            trigger = self.blocks.get(trigger_id) or session_block(self.session, trigger_id)
        ctx = EventContext(event_id=event_id, dep_id=fn.id, emit=self.send,
                           show_error=getattr(self.app, "show_error", True))
        job = Job(
            event_id=event_id,
            fn=fn,
            start=lambda: self._run(fn, ctx, data, message.get("event_data"), trigger),
            emit=self.send,
        )
        try:
            self.queue.submit(job)
        except QueueFull as exc:
            self.send(protocol.toast_message("error", str(exc), title=None, duration=10, event_id=event_id))
            job.status("error", success=False, message=str(exc))

    async def _run(self, fn: BlockFunction, ctx: EventContext, data: list[Any], event_data: Any, trigger: Any) -> bool:
        if self.copy is None:
            return await run_event(fn, self.session, ctx, data, event_data, trigger)
        copy = self.copy

        def copy_states() -> None:
            # Before the final status, and after an error or a cancel too: a State may have changed in place.
            copied = copy.states_after(fn)
            if copied:
                self._send(*copied)

        ctx.before_end = copy_states
        try:
            return await run_event(fn, self.session, ctx, data, event_data, trigger)
        except asyncio.CancelledError:
            copy_states()
            raise

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
        upload_id = _text_id(message, "upload_id")
        files = message["files"]
        if not isinstance(files, list) or not all(isinstance(meta, dict) for meta in files):
            raise TypeError("files must be a list of {name, type, size} objects")
        if len(files) != len(buffers):
            raise ValueError(f"{len(files)} files but {len(buffers)} buffers")
        limit = getattr(self.app, "max_file_size", None)
        too_big = [
            str(meta.get("name")) for meta, data in zip(files, buffers) if limit is not None and len(data) > limit
        ]
        if too_big:
            # The page checks first (with a toast); this guards pages that skip the check.
            error = f"{', '.join(too_big)} exceeds the maximum file size of {limit} bytes"
            self.send(protocol.upload_refused_message(upload_id, error))
            return
        saved = []
        for meta, data in zip(files, buffers):
            name = safe_file_name(meta.get("name"))
            path = os.path.join(self.session.new_upload_dir(), name)
            with open(path, "wb") as handle:
                handle.write(data)
            # The page already holds these bytes (its own Blob URL for this path): a function that returns
            # the upload unchanged must not send them back, which would also revoke that URL while a
            # viewer may still be fetching it.
            stat = os.stat(path)
            self._sent_files.add((path, stat.st_mtime, stat.st_size))
            mime = meta.get("type")
            saved.append(file_data(path, orig_name=name, mime_type=mime if isinstance(mime, str) and mime else None))
        self.send(protocol.uploaded_message(upload_id, saved))

    def _on_unload(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        for fn in self.app.unload_fns:
            try:
                fn()
            except Exception as exc:  # the page is leaving: report, never raise
                print(f"unload function failed: {exc!r}")

    def _on_server_call(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        call_id = _text_id(message, "call_id")
        # Answered with a server_result whatever is wrong with it: the page's promise waits for that reply.
        try:
            found = self._server_function(message)
        except (KeyError, TypeError) as exc:
            self.send(protocol.server_result_message(call_id, error=f"Malformed server_call message: {_describe(exc)}"))
            return
        if isinstance(found, str):
            self.send(protocol.server_result_message(call_id, error=found))
            return
        fn, args = found
        self._tasks.add(task := asyncio.ensure_future(self._serve(call_id, fn, args)))
        task.add_done_callback(self._tasks.discard)

    def _server_function(self, message: dict[str, Any]) -> tuple[Callable[..., Any], list[Any]] | str:
        """The function a server_call names and its arguments, or why there is none."""
        block_id, name, args = message["block_id"], message["fn_name"], message.get("args", [])
        if not isinstance(args, list):
            raise TypeError("args must be a list")
        if not isinstance(name, str):
            raise TypeError(f"fn_name must be a string, not {type(name).__name__}")
        block = None
        if isinstance(block_id, int) and not isinstance(block_id, bool):
            block = self.blocks.get(block_id) or session_block(self.session, block_id)
        # Only the functions the block declares (gr.HTML's server_functions): the page cannot call anything else.
        # They see the block as this session does (FileExplorer's `ls` lists the root_dir an update set).
        fn = self.session.configured(block).server_function(name) if block is not None else None
        if fn is None:
            return f"Block {block_id!r} has no server function {name!r}"
        return fn, args

    async def _serve(self, call_id: str, fn: Callable[..., Any], args: list[Any]) -> None:
        """Run a server function; an exception becomes the page's rejected promise and a toast, as event errors do."""
        try:
            value = await call_server_function(fn, args, self.session)
        except Exception as exc:  # the app's function raised: report it, keep serving
            text = error_message(exc)
            print(f"server function {getattr(fn, '__name__', fn)!r} failed: {text}", file=sys.stderr)
            self.send(protocol.toast_message("error", text, title="Error", duration=10, event_id=None))
            self.send(protocol.server_result_message(call_id, error=text))
            return
        self.send(protocol.server_result_message(call_id, value=value))

    def _on_login(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        call_id = str(message["call_id"])
        username, password = str(message["username"]), str(message["password"])
        self._tasks.add(task := asyncio.ensure_future(self._login(call_id, username, password)))
        task.add_done_callback(self._tasks.discard)

    async def _login(self, call_id: str, username: str, password: str) -> None:
        """launch(auth=…)'s check, run here; an accepted name is the session's gr.Request.username."""
        try:
            accepted = await runtime.run_blocking(self.app.check_auth, username, password)
        except Exception as exc:  # an auth function that raised refuses the login, with the error on the form
            text = error_message(exc)
            print(f"the auth function failed: {text}", file=sys.stderr)
            self.send(protocol.server_result_message(call_id, error=text))
            return
        if accepted:
            self.session.username = username
        self.send(protocol.server_result_message(call_id, value=accepted))

    def _on_view_api(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        # The app's own endpoints; a @gr.render's session listeners are the page's, not an API.
        self.send(protocol.api_info_message(str(message["request_id"]), api_info(self.app), skipped_ids(self.app)))

    def _on_restore(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        copy = self.copy or SessionCopy(self.session, self.blocks)
        problems = copy.restore(message, buffers)
        for path in copy.restored_files:  # the page holds their bytes: never send them back (as uploads)
            stat = os.stat(path)
            self._sent_files.add((path, stat.st_mtime, stat.st_size))
        if problems:
            self.error("After the restart, some of the session could not be restored: " + "; ".join(problems))

    def _on_run(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        # The worker's JS restarts the app (web/src/worker/restart.ts); a `run` that reaches the app is a bug.
        self.error("`run` is handled by the worker, not by the running app")

    def _on_write_file(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        # Host operations are the worker's JS too (web/src/worker/host-ops.ts).
        self.error("`write_file` is handled by the worker, not by the running app")

    def _on_install(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        self.error("`install` is handled by the worker, not by the running app")


def message_ref(message: dict[str, Any]) -> str | None:
    """The id a reply to this message names (its event_id, upload_id or call_id), when it has a usable one."""
    for key in ("event_id", "upload_id", "call_id"):
        value = message.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _text_id(message: dict[str, Any], key: str) -> str:
    """The message's id field, which the page makes as text (`event-3-x1y2`)."""
    value = message[key]
    if not isinstance(value, str) or not value:
        raise TypeError(f"{key} must be a non-empty string, not {type(value).__name__}")
    return value


def _describe(exc: BaseException) -> str:
    """KeyError's text is the bare key; say that it is a missing field."""
    return f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) and exc.args else str(exc)

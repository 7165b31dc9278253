"""The only module that touches Pyodide (`js`, `pyodide`): encoding for the JS side, JSPI, package loading,
and the page as PyScript's interpreter reaches it (pyscript_entry.py).

A leaf: it imports nothing of wasmblocks, so every layer may use it (worker_entry.py composes the worker).
"""

from __future__ import annotations

import asyncio
import functools
import json
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

IN_BROWSER = sys.platform == "emscripten"
# Tasks whose sync function sleeps in time.sleep right now, each with the future that wakes it early.
_sleepers: dict[asyncio.Future[Any], asyncio.Future[bool]] = {}


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
    result = func(*args, **kwargs)
    # A cancel that came while the call ran had no await to land on: honour it here, so the caller never
    # emits the late result (Gradio never shows a cancelled event's output: the Blocks guide's Stop button
    # used to deliver a time.sleep(3) handler's result after the click).
    task = _current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError
    return result


def install_interruptible_sleep() -> None:
    """Make time.sleep in an event's sync function end at once, raising CancelledError, when it is cancelled.

    Pyodide's time.sleep suspends the calling task (JSPI) until a timer fires; ours also wakes on
    interrupt(task), so a Stop button (cancels=) or time_limit stops `while True: time.sleep(…)` promptly.
    Outside a task, or where the browser cannot suspend (no JSPI), it is Pyodide's own.
    """
    if not IN_BROWSER or getattr(time.sleep, "wasmblocks_interruptible", False):
        return
    from pyodide.ffi import can_run_sync, run_sync

    previous = time.sleep

    @functools.wraps(previous)
    def sleep(seconds: float) -> None:
        task = _current_task()
        if task is None or not can_run_sync() or not isinstance(seconds, (int, float)) or seconds < 0:
            previous(seconds)
            return
        if task.cancelling():
            raise asyncio.CancelledError
        loop = task.get_loop()
        wake: asyncio.Future[bool] = loop.create_future()
        timer = loop.call_later(seconds, _settle, wake, False)
        _sleepers[task] = wake
        try:
            interrupted = run_sync(wake)
        finally:
            timer.cancel()
            _sleepers.pop(task, None)
        if interrupted:
            raise asyncio.CancelledError

    sleep.wasmblocks_interruptible = True  # type: ignore[attr-defined]
    time.sleep = sleep  # type: ignore[assignment]


def interrupt(task: asyncio.Future[Any]) -> None:
    """Wake `task`'s sync function if it sleeps in time.sleep: the sleep raises CancelledError."""
    _settle(_sleepers.get(task), True)


def _settle(wake: asyncio.Future[bool] | None, interrupted: bool) -> None:
    if wake is not None and not wake.done():
        wake.set_result(interrupted)


def _current_task() -> asyncio.Task[Any] | None:
    try:
        return asyncio.current_task()
    except RuntimeError:  # no running loop
        return None


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


# ---- PyScript: this Python is PyScript's, and the renderer is on its page (pyscript_entry.py) ----
@dataclass(frozen=True)
class PyScriptPage:
    """Where PyScript runs this Python.

    window: the page's window (a proxy in a worker), or None when a worker cannot reach the page (no
    SharedArrayBuffer: the page is not cross-origin isolated). xworker: polyscript's channel to the page
    (a worker only). script_id: the running `<script type="py">` (a worker only).
    """

    window: Any
    xworker: Any
    script_id: str | None
    in_worker: bool


def pyscript_page() -> PyScriptPage | None:
    """The PyScript page this Python runs for, or None outside PyScript (wasmblocks' own worker, CPython)."""
    # PyScript imports its `pyscript` package (and with it `polyscript`) before any user code. Looking in
    # sys.modules, not with an import: in wasmblocks' own worker a lookup of a missing module would wait
    # for the deferred standard library (web/src/worker/stdlib.ts) on the way to the first paint.
    if not IN_BROWSER or "polyscript" not in sys.modules:
        return None
    import js
    import polyscript

    # Not `js.document`: PyScript sets that in a worker too, to the page's document proxy.
    if not hasattr(js, "WorkerGlobalScope"):
        return PyScriptPage(js, None, None, in_worker=False)
    xworker = polyscript.xworker
    window = xworker.window
    if _missing(window):
        return PyScriptPage(None, xworker, None, in_worker=True)
    return PyScriptPage(window, xworker, str(polyscript.currentScript.id), in_worker=True)


def _missing(value: Any) -> bool:
    """JS undefined (None) or null (jsnull, which is not None)."""
    from pyodide.ffi import jsnull

    return value is None or value is jsnull


def pyscript_output_id() -> str:
    """The id of the element PyScript's display() writes to for the running script (it makes one if needed)."""
    from pyscript import current_target

    return str(current_target())


def page_global(page: PyScriptPage, *path: str) -> Any:
    """window.a.b… on the page, or None where a part is missing."""
    value = page.window
    for name in path:
        value = getattr(value, name, None)
        if _missing(value):
            return None
    return value


def show_in_page(page: PyScriptPage, element_id: str, text: str) -> None:
    """Put a short error text into an element of the page (from a worker PyScript shows errors only in the console)."""
    document = page.window.document
    element = document.getElementById(element_id)
    if _missing(element):
        return
    note = document.createElement("div")
    note.className = "wb-pyscript-error"
    note.setAttribute("role", "alert")
    note.textContent = text
    element.appendChild(note)


def open_page_port(page: PyScriptPage, accept: Any, token: str, receive: Callable[[str, list[bytes]], None]) -> Any:
    """A MessagePort for one app: its other end goes to the renderer (`accept(token, port)` on the main thread;
    from a worker, a message to the script's xworker that transfers it). `receive(text, buffers)` gets every
    page message, as JSON text and the bytes of its `buffers`. Returns the port (post with post_to_port)."""
    import js
    from pyodide.ffi import create_proxy, to_js

    channel = js.MessageChannel.new()

    def on_message(event: Any) -> None:
        data = event.data
        buffers = [buffer.to_bytes() for buffer in data.buffers] if getattr(data, "buffers", None) else []
        if buffers:
            js.Reflect.deleteProperty(data, "buffers")
        receive(str(js.JSON.stringify(data)), buffers)

    # Kept for the page's lifetime: the port calls it for every message.
    channel.port1.onmessage = create_proxy(on_message)
    if page.in_worker:
        handover = to_js({"wasmblocks_port": token, "port": channel.port2}, dict_converter=js.Object.fromEntries)
        page.xworker.postMessage(handover, to_js([channel.port2]))
    else:
        accept(token, channel.port2)
    return channel.port1


def post_to_port(port: Any, text: str, buffers: list[bytes]) -> None:
    """Post one message (JSON text) with `buffers` as transferred ArrayBuffers in its `buffers` field."""
    import js
    from pyodide.ffi import to_js

    message = js.JSON.parse(text)
    if not buffers:
        port.postMessage(message)
        return
    arrays = []
    for data in buffers:
        array = js.Uint8Array.new(len(data))
        array.assign(data)
        arrays.append(array.buffer)
    message.buffers = to_js(arrays)
    port.postMessage(message, to_js(arrays))


# ---- kept across visits: a worker directory mirrored in the site's IndexedDB (Emscripten's IDBFS) ----
_KEPT_ROOT = "/wasmblocks-kept"
_kept_lock: asyncio.Lock | None = None
_kept_mount: str | None = None


def _site_scope() -> str:
    """A short name for the site this worker serves: two apps on one origin (GitHub Pages) keep apart."""
    import hashlib

    import js

    folder = str(js.location.pathname).rsplit("/", 1)[0]
    return hashlib.sha256(folder.encode()).hexdigest()[:16]


async def _syncfs(populate: bool) -> None:
    """FS.syncfs: populate=True reads IndexedDB into the mount, False writes the mount out."""
    import pyodide_js
    from pyodide.ffi import create_once_callable

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(error: Any = None) -> None:
        if done.done():
            return
        if error is None or _missing(error):
            done.set_result(None)
        else:
            done.set_exception(OSError(f"browser storage: {error}"))

    pyodide_js.FS.syncfs(populate, create_once_callable(finished))
    await done


async def keep_directory(path: str) -> str | None:
    """Make `path` a directory that survives reloads, with what earlier visits saved read back into it.

    Emscripten names an IDBFS database after its mount point, so the mount is a per-site folder and
    `path` becomes a link into it. Returns None when kept (or under CPython, whose disk already
    persists), else the reason storage is unavailable (e.g. IndexedDB blocked on an opaque origin).
    Call again before each change: it re-reads what another tab of the same site saved meanwhile.
    """
    global _kept_lock, _kept_mount
    if not IN_BROWSER:
        return None
    import hashlib
    import os
    import shutil

    import js
    import pyodide_js
    from pyodide.ffi import to_js

    _kept_lock = _kept_lock or asyncio.Lock()
    async with _kept_lock:
        try:
            if _kept_mount is None:
                mount = f"{_KEPT_ROOT}/{_site_scope()}"
                os.makedirs(mount, exist_ok=True)
                fs = pyodide_js.FS
                fs.mount(fs.filesystems.IDBFS, to_js({}, dict_converter=js.Object.fromEntries), mount)
                _kept_mount = mount
            await _syncfs(True)
            full = os.path.abspath(path)
            target = f"{_kept_mount}/{hashlib.sha256(full.encode()).hexdigest()[:16]}"
            os.makedirs(target, exist_ok=True)
            if os.path.islink(full):
                return None
            if os.path.isdir(full):  # made before it was kept (SimpleCSVLogger.setup): move its files in
                shutil.copytree(full, target, dirs_exist_ok=True)
                shutil.rmtree(full)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            os.symlink(target, full)
            return None
        except Exception as exc:  # any storage failure leaves an ordinary, per-visit folder
            return str(exc) or type(exc).__name__


async def save_kept() -> str | None:
    """Write kept directories out to IndexedDB; None when saved, else why not."""
    if not IN_BROWSER or _kept_mount is None or _kept_lock is None:
        return None
    async with _kept_lock:
        try:
            await _syncfs(False)
            return None
        except Exception as exc:  # reported to the visitor by the caller
            return str(exc) or type(exc).__name__


# ---- HTTP from the app (gr.load, gr.load_chat): the browser's fetch, or urllib under CPython ----
class HttpError(OSError):
    """A request that could not be made, or was answered with an error status (status 0: no answer)."""

    def __init__(self, url: str, status: int, detail: str) -> None:
        super().__init__(f"{url}: {detail}" if status == 0 else f"{url}: HTTP {status} {detail}".rstrip())
        self.url = url
        self.status = status
        self.detail = detail


def _urllib_request(url: str, method: str, headers: Mapping[str, str], body: str | None) -> Any:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=body.encode() if body is not None else None, method=method,
                                     headers=dict(headers))
    try:
        return urllib.request.urlopen(request, timeout=60)  # the URL is the one the app asked for
    except urllib.error.HTTPError as exc:
        raise HttpError(url, exc.code, exc.read().decode("utf-8", "replace")[:300]) from None
    except (urllib.error.URLError, OSError) as exc:
        raise HttpError(url, 0, str(getattr(exc, "reason", exc))) from None


def http_get_sync(url: str, headers: Mapping[str, str] | None = None) -> str:
    """GET a text resource while an app is being built (gr.load is synchronous, as in Gradio).

    Browser: a synchronous XMLHttpRequest, which a worker may make; it is cross-origin, so the target
    must allow CORS. A refused request (no answer, CORS) raises HttpError with status 0.
    """
    if not IN_BROWSER:
        with _urllib_request(url, "GET", headers or {}, None) as response:
            return str(response.read().decode("utf-8", "replace"))
    xhr = _sync_xhr(url, headers or {}, "text")
    if not 200 <= int(xhr.status) < 300:
        raise HttpError(url, int(xhr.status), str(xhr.responseText)[:300])
    return str(xhr.responseText)


def http_get_bytes_sync(url: str) -> bytes:
    """GET a file's bytes while an event preprocesses its inputs (Gradio downloads a URL given as a file).

    Browser: a synchronous XMLHttpRequest for an ArrayBuffer, which only a worker may make; no answer (offline,
    CORS) raises HttpError with status 0.
    """
    if not IN_BROWSER:
        with _urllib_request(url, "GET", {}, None) as response:
            return bytes(response.read())
    import js

    xhr = _sync_xhr(url, {}, "arraybuffer")
    if not 200 <= int(xhr.status) < 300:
        raise HttpError(url, int(xhr.status), "")
    return bytes(js.Uint8Array.new(xhr.response).to_py())


def _sync_xhr(url: str, headers: Mapping[str, str], response_type: str) -> Any:
    """A finished synchronous GET (only a worker may block on one); no answer at all raises HttpError 0."""
    import js

    xhr = js.XMLHttpRequest.new()
    try:
        xhr.open("GET", url, False)
        if response_type != "text":
            xhr.responseType = response_type
        for key, value in headers.items():
            xhr.setRequestHeader(key, value)
        xhr.send()
    except Exception as exc:
        raise HttpError(url, 0, f"the browser refused the request ({str(exc).splitlines()[0]})") from None
    if int(xhr.status) == 0:
        raise HttpError(url, 0, "no answer (offline, or the server does not allow cross-origin requests)")
    return xhr


async def http_request(url: str, *, method: str = "GET", headers: Mapping[str, str] | None = None,
                       body: str | None = None) -> str:
    """One request's text answer; HttpError for no answer or an error status."""
    text = ""
    async for chunk in http_stream(url, method=method, headers=headers, body=body):
        text += chunk
    return text


async def http_stream(url: str, *, method: str = "GET", headers: Mapping[str, str] | None = None,
                      body: str | None = None) -> Any:
    """The answer's text as it arrives (an async iterator of chunks), for server-sent events.

    Browser: fetch and its body's reader, so each chunk is handed on as soon as it lands.
    """
    if not IN_BROWSER:
        async for chunk in _urllib_stream(url, method, headers or {}, body):
            yield chunk
        return
    import js
    from pyodide.ffi import to_js

    init: dict[str, Any] = {"method": method, "headers": dict(headers or {})}
    if body is not None:
        init["body"] = body
    try:
        response = await js.fetch(url, to_js(init, dict_converter=js.Object.fromEntries))
    except Exception as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise HttpError(url, 0, f"no answer (offline, or the server does not allow cross-origin requests: "
                                f"{detail})") from None
    if not response.ok:
        raise HttpError(url, int(response.status), str(await response.text())[:300])
    reader = response.body.getReader()
    decoder = js.TextDecoder.new()
    while True:
        part = await reader.read()
        if part.done:
            break
        yield str(decoder.decode(part.value, to_js({"stream": True}, dict_converter=js.Object.fromEntries)))


async def _urllib_stream(url: str, method: str, headers: Mapping[str, str], body: str | None) -> Any:
    """CPython: read the answer in a thread, handing its chunks (lines, for SSE) to the event loop."""
    import codecs

    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

    def read() -> None:
        try:
            decoder = codecs.getincrementaldecoder("utf-8")("replace")
            with _urllib_request(url, method, headers, body) as response:
                for line in response:
                    loop.call_soon_threadsafe(queue.put_nowait, ("chunk", decoder.decode(line)))
            loop.call_soon_threadsafe(queue.put_nowait, ("end", None))
        except BaseException as exc:
            loop.call_soon_threadsafe(queue.put_nowait, ("error", exc))

    reader = loop.run_in_executor(None, read)
    while True:
        kind, item = await queue.get()
        if kind == "end":
            break
        if kind == "error":
            raise item
        yield item
    await reader


def site_url() -> str | None:
    """The address of the site: from our worker (assets/worker.js), its assets/ folder's parent; on a page
    (PyScript's main thread), the page's folder. None outside a browser or where the script has no such
    address (PyScript's workers start from a blob: URL)."""
    if not IN_BROWSER:
        return None
    import js

    try:
        relative = "." if hasattr(js, "document") else ".."
        return str(js.URL.new(relative, js.location.href).href)
    except Exception:  # a blob:/data: location has no parent folder
        return None


def fetch_bytes_sync(url: str) -> bytes:
    """GET url synchronously (a blocking XMLHttpRequest) and return its bytes; OSError when it fails.

    For code that must return a file at once (gr.get_image() at import time). A page's main thread allows
    no binary responseType on a synchronous request, so the bytes come as x-user-defined text, which maps
    byte b to the character U+F700 + b.
    """
    import js

    request = js.XMLHttpRequest.new()
    request.open("GET", url, False)
    request.overrideMimeType("text/plain; charset=x-user-defined")
    try:
        request.send(None)
    except Exception as exc:  # a network error surfaces as a JS exception
        raise OSError(f"could not fetch {url}: {exc}") from None
    if request.status != 200:
        raise OSError(f"could not fetch {url}: HTTP {request.status}")
    return bytes(ord(ch) & 0xFF for ch in str(request.responseText))

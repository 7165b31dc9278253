"""`demo.launch()` under PyScript: the app's page session in PyScript's interpreter, drawn by our renderer.

PyScript runs the Blocks layer (in its worker, or on the main thread); the renderer on the page is
web/src/embed/pyscript.ts, which assets/embed.js installs as `window.wasmblocks.pyscript`. launch() asks it
for a place to draw (`connect`), hands it one end of a MessageChannel, and from then on the page and this
page session exchange the protocol's messages (docs/protocol.md) over that port, file bytes as
transferred ArrayBuffers. Outside PyScript (wasmblocks' own worker, CPython) launch() does nothing here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypedDict

from . import protocol, runtime
from .aliases import install_gradio_alias
from .blocks import VERSION, Blocks
from .page_session import PageSession

NO_ISOLATION = (
    "wasmblocks: demo.launch() in a PyScript worker cannot reach the page, because the page is not "
    "cross-origin isolated (PyScript's worker needs SharedArrayBuffer for `window` and `document`). Fix: add "
    "PyScript's mini-coi service worker as the page's first script, <script src=\"mini-coi.js\"></script> "
    "(`build.py export --pyscript` ships it), or serve the page with the headers Cross-Origin-Opener-Policy: "
    "same-origin and Cross-Origin-Embedder-Policy: require-corp (`build.py serve --coi`), or remove `worker` "
    "to run the app's Python on the main thread."
)
NO_RENDERER = (
    "wasmblocks: demo.launch() found no wasmblocks renderer on this page. Load it before the app's script: "
    "<script type=\"module\" src=\".../assets/embed.js\"></script> from the same wasmblocks release as the wheel."
)


class LaunchError(RuntimeError):
    """launch() could not show the app on the PyScript page; the message says what to change."""


class LaunchRequest(TypedDict):
    """What launch() asks the renderer for. Same as LaunchRequest in web/src/embed/pyscript.ts."""

    version: str  # this package's version; the renderer refuses another one
    target: str | None  # element id the app draws into (None: the script's own output element)
    fallback: str | None  # the script's output element, where an error shows when `target` is missing
    script: str | None  # the running <script type="py" worker>'s id, whose xworker carries the port


Post = Callable[[Any, str, list[bytes]], None]  # (port, JSON text, buffers): runtime.post_to_port


class PortSession:
    """One launched app: page messages from the port into a PageSession, its messages back with file bytes."""

    def __init__(self, app: Blocks, post: Post = runtime.post_to_port) -> None:
        self._post = post
        self.port: Any = None  # the MessagePort, once the renderer has the other end
        self.session = PageSession(app, self._send)

    def _send(self, message: protocol.WorkerMessage, paths: list[str]) -> None:
        # The files an update or tree refers to travel with it (PageSession lists each version once).
        self._post(self.port, runtime.encode(message), [Path(path).read_bytes() for path in paths])

    def receive(self, text: str, buffers: list[bytes]) -> None:
        """One page message as JSON text, with the bytes of its `buffers` (uploads)."""
        try:
            message = json.loads(text)
        except ValueError as exc:
            self.session.error(f"Message is not JSON: {exc}")
            return
        self.session.handle(message, buffers)


# Every app launched on this page; the ports hold JS callbacks into these for the page's lifetime.
LAUNCHED: list[PortSession] = []


def element_id(target: Any) -> str | None:
    """launch(target=…) as an element id: "app" or "#app", as PyScript's display(target=…) takes it."""
    if target is None:
        return None
    if not isinstance(target, str) or not target.strip("# "):
        raise LaunchError(f"launch(target=…) takes an element id such as 'app' or '#app', not {target!r}")
    return target.strip().removeprefix("#")


def launch(app: Blocks, options: dict[str, Any]) -> None:
    """Show `app` on the PyScript page this Python runs for; nothing outside PyScript."""
    page = runtime.pyscript_page()
    if page is None:
        return
    target = element_id(options.get("target"))
    install_gradio_alias()  # `import gradio.x` inside event functions resolves too
    if page.window is None:
        raise LaunchError(NO_ISOLATION)
    fallback = runtime.pyscript_output_id()
    connector = runtime.page_global(page, "wasmblocks", "pyscript")
    if connector is None:
        if page.in_worker:  # PyScript shows a worker's exceptions in the console only
            runtime.show_in_page(page, target or fallback, NO_RENDERER)
        raise LaunchError(NO_RENDERER)
    request: LaunchRequest = {"version": VERSION, "target": target, "fallback": fallback, "script": page.script_id}
    reply = json.loads(str(connector.connect(json.dumps(request))))
    if "error" in reply:
        raise LaunchError(f"wasmblocks: {reply['error']}")  # the renderer already shows it in the page
    launched = PortSession(app)
    launched.port = runtime.open_page_port(page, connector.accept, str(reply["token"]), launched.receive)
    LAUNCHED.append(launched)


Blocks.page_launcher = launch

"""demo.launch() under PyScript (pyscript_entry.py), on CPython.

Outside PyScript launch() only marks the app. With a PyScript page (faked at runtime.py's seam, the only
module that touches JS) it refuses what cannot work with a message naming the fix, asks the renderer for
a place with a LaunchRequest, and PortSession carries the protocol over the port, file bytes included.
The real routes, in PyScript and Chromium: tests/e2e/test_pyscript.py.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

import wasmblocks as gr
from wasmblocks import protocol, pyscript_entry, runtime
from wasmblocks.loop_thread import LoopThread
from wasmblocks.pyscript_entry import LaunchError, PortSession, element_id
from wasmblocks.runtime import PyScriptPage


def greeter() -> gr.Blocks:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        out = gr.Textbox(label="Greeting")
        gr.Button("Greet").click(lambda n: f"Hello, {n}!", name, out)
    return demo


@pytest.fixture(autouse=True)
def no_launched_apps():
    pyscript_entry.LAUNCHED.clear()
    yield
    pyscript_entry.LAUNCHED.clear()


class Connector:
    """window.wasmblocks.pyscript as launch() uses it: connect(JSON) -> JSON, accept(token, port)."""

    def __init__(self, reply: dict[str, Any]) -> None:
        self.reply = reply
        self.requests: list[dict[str, Any]] = []

    def connect(self, text: str) -> str:
        self.requests.append(json.loads(text))
        return json.dumps(self.reply)

    def accept(self, token: str, port: Any) -> None:
        raise AssertionError("open_page_port is faked in these tests")


class Window:
    def __init__(self, connector: Connector | None = None) -> None:
        if connector is not None:
            self.wasmblocks = type("Wasmblocks", (), {"pyscript": connector})()


@pytest.fixture
def on_page(monkeypatch):
    """on_page(window, in_worker=True): make runtime report a PyScript page; returns what it recorded."""
    recorded: dict[str, Any] = {"shown": [], "ports": []}

    def _on_page(window: Any, in_worker: bool = True) -> dict[str, Any]:
        page = PyScriptPage(window, object() if in_worker else None, "py-w0" if in_worker else None, in_worker)
        monkeypatch.setattr(runtime, "pyscript_page", lambda: page)
        monkeypatch.setattr(runtime, "pyscript_output_id", lambda: "py-w0-target")
        monkeypatch.setattr(runtime, "page_global", lambda p, *path: getattr(getattr(p.window, "wasmblocks", None),
                                                                             "pyscript", None))
        monkeypatch.setattr(runtime, "show_in_page", lambda p, element, text: recorded["shown"].append((element, text)))

        def open_port(p: PyScriptPage, accept: Any, token: str, receive: Any) -> str:
            recorded["ports"].append((token, receive))
            return f"port-{token}"

        monkeypatch.setattr(runtime, "open_page_port", open_port)
        return recorded

    return _on_page


def test_outside_pyscript_launch_only_marks_the_app():
    demo = greeter()
    assert runtime.pyscript_page() is None  # CPython: no PyScript (its modules are not loaded)
    assert demo.launch(target="app")[0] is demo
    assert demo.launched and not pyscript_entry.LAUNCHED


def test_target_is_an_element_id_as_display_takes_it():
    assert element_id(None) is None
    assert element_id("app") == element_id("#app") == "app"
    for bad in ("", "#", " ", 3, ["app"]):
        with pytest.raises(LaunchError, match="element id"):
            element_id(bad)


def test_a_worker_without_isolation_is_told_the_fix(on_page):
    on_page(None)  # a worker without SharedArrayBuffer has no window
    with pytest.raises(LaunchError) as info:
        greeter().launch()
    text = str(info.value)
    for fix in ('<script src="mini-coi.js"></script>', "Cross-Origin-Opener-Policy: same-origin",
                "Cross-Origin-Embedder-Policy: require-corp", "build.py serve --coi", "remove `worker`"):
        assert fix in text


def test_a_page_without_the_renderer_is_told_to_load_embed_js(on_page):
    recorded = on_page(Window())
    with pytest.raises(LaunchError, match=r"assets/embed\.js"):
        greeter().launch(target="#here")
    # From a worker PyScript shows exceptions only in the console: the page gets the text too.
    assert recorded["shown"] == [("here", pyscript_entry.NO_RENDERER)]
    on_page(Window(), in_worker=False)
    with pytest.raises(LaunchError):
        greeter().launch()
    assert len(recorded["shown"]) == 1  # on the main thread PyScript shows the exception itself


def test_the_renderer_is_asked_for_a_place_and_its_refusal_is_raised(on_page):
    connector = Connector({"error": "version mismatch: the wasmblocks Python package is 0.1.0 but …"})
    recorded = on_page(Window(connector))
    with pytest.raises(LaunchError, match="wasmblocks: version mismatch"):
        greeter().launch(target="#app")
    assert connector.requests == [
        {"version": gr.__version__, "target": "app", "fallback": "py-w0-target", "script": "py-w0"}]
    assert not recorded["ports"] and not pyscript_entry.LAUNCHED


def test_a_launched_app_gets_a_port_and_a_page_session(on_page):
    connector = Connector({"token": "pyscript-1"})
    recorded = on_page(Window(connector), in_worker=False)
    demo = greeter()
    demo.launch()
    assert connector.requests[0]["target"] is None and connector.requests[0]["script"] is None
    [(token, receive)] = recorded["ports"]
    [launched] = pyscript_entry.LAUNCHED
    assert token == "pyscript-1" and launched.port == "port-pyscript-1"
    assert receive == launched.receive and launched.session.app is demo


class Port:
    """The Python end of the MessageChannel: what PortSession posts, as the renderer would read it."""

    def __init__(self) -> None:
        self.posted: list[tuple[dict[str, Any], list[bytes]]] = []

    def post(self, port: Any, text: str, buffers: list[bytes]) -> None:
        assert port == "the-port"
        self.posted.append((json.loads(text), buffers))

    def of_type(self, kind: str) -> list[tuple[dict[str, Any], list[bytes]]]:
        return [(m, b) for m, b in self.posted if m["type"] == kind]


@pytest.fixture
def loop():
    thread = LoopThread()
    yield thread
    thread.close()


def settle(loop: LoopThread, port: Port, event_id: str) -> None:
    """Wait until the event's last status has been posted (60 s is a guard against a hang, not a timing)."""
    def ended() -> bool:
        return any(m.get("event_id") == event_id and m.get("stage") in ("complete", "error") for m, _ in port.posted)

    async def wait() -> None:
        while not ended():
            await asyncio.sleep(0.01)
    loop.run(asyncio.wait_for(wait(), 60))


def test_port_session_speaks_the_protocol_with_file_bytes(loop, tmp_path):
    def shout(path):
        out = Path(path).with_name("shouted.txt")
        out.write_bytes(Path(path).read_bytes().upper())
        return str(out)

    with gr.Blocks() as demo:
        source = gr.File(type="filepath")
        result = gr.File()
        gr.Button().click(shout, source, result)
    port = Port()
    session = PortSession(demo, port.post)
    session.port = "the-port"

    loop.call(session.receive, json.dumps(protocol.init_message("s1")), [])
    [(tree, _)] = port.of_type("tree")
    assert tree["config"]["version"] == gr.__version__
    upload = {"type": "upload", "upload_id": "u1", "files": [{"name": "note.txt", "type": "text/plain", "size": 5}]}
    loop.call(session.receive, json.dumps(upload), [b"hello"])
    [(uploaded, _)] = port.of_type("uploaded")
    saved = uploaded["files"][0]
    assert Path(saved["path"]).read_bytes() == b"hello"

    loop.call(session.receive, json.dumps(protocol.event_message("e1", 0, [saved])), [])
    settle(loop, port, "e1")
    [(update, buffers)] = port.of_type("update")
    [ref] = update["files"]
    assert buffers[ref["buffer"]] == b"HELLO"  # the returned file's bytes travel with the update
    assert update["updates"][0]["value"]["path"] == ref["path"]


def test_port_session_refuses_text_that_is_not_json():
    port = Port()
    session = PortSession(greeter(), port.post)
    session.port = "the-port"
    session.receive("{not json", [])
    [(error, _)] = port.of_type("error")
    assert error["message"].startswith("Message is not JSON")

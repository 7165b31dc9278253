"""What the worker's JS calls (worker_entry.py): start an app, pass it page messages, stop it, its needs."""

import asyncio
import json
import sys
import textwrap

import pytest

from wasmblocks import worker_entry
from wasmblocks.loop_thread import LoopThread


@pytest.fixture
def app_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield tmp_path
    for name in [m for m in sys.modules if m == "gradio" or m.startswith("gradio.")]:
        del sys.modules[name]


class Page:
    """The worker's JS: gets JSON text plus the paths of files whose bytes it would transfer."""

    def __init__(self):
        self.messages = []

    def __call__(self, text, paths):
        self.messages.append((json.loads(text), paths))

    def of_type(self, kind):
        return [m for m, _ in self.messages if m["type"] == kind]


APP = """
import asyncio
import gradio as gr
with gr.Blocks() as demo:
    box = gr.Textbox()
    gr.Button().click(lambda x: x.upper(), box, box)

    async def forever():
        while True:
            yield "tick"
            await asyncio.sleep(0.01)

    gr.Button().click(forever, None, box)
"""


def _wait_for(loop, jobs):
    """Wait until these queue jobs' tasks are done (by order of events, not by time)."""
    async def wait():
        await asyncio.wait([job.task for job in jobs])
    loop.run(wait())


def _start(app_dir, source=APP):
    (app_dir / "app.py").write_text(textwrap.dedent(source))
    page = Page()
    return worker_entry.start_app("app.py", str(app_dir), page), page


def test_a_broken_app_sends_boot_error_and_no_handler(app_dir):
    handler, page = _start(app_dir, "import gradio as gr\nraise ValueError('nope')\n")
    assert handler is None
    (error,) = page.of_type("boot_error")
    assert error["message"] == "ValueError: nope" and (error["file"], error["line"]) == ("app.py", 2)


def test_page_messages_reach_the_app_as_json(app_dir):
    handler, page = _start(app_dir)
    loop = LoopThread()
    loop.call(handler, json.dumps({"type": "init", "base_url": "", "session_hash": "s", "url": ""}))
    assert page.of_type("tree")
    event = json.dumps({"type": "event", "event_id": "e", "dep_id": 0, "trigger_id": None,
                        "event_name": "click", "data": ["hi"], "event_data": None})
    # The queue's jobs read on the loop's thread right after the event: a quick event may end (and leave
    # the queue) before another thread looks.
    _wait_for(loop, loop.call(lambda: (handler(event), handler.session.queue.jobs())[1]))
    box_id = page.of_type("tree")[0]["config"]["root"]["children"][0]["id"]
    assert [u["updates"] for u in page.of_type("update")] == [[{"id": box_id, "value": "HI"}]]
    loop.call(handler, "{not json")
    assert "Message is not JSON" in page.of_type("error")[-1]["message"]


def test_stop_app_cancels_running_events_and_forgets_the_app(app_dir):
    handler, page = _start(app_dir)
    loop = LoopThread()
    loop.call(handler, json.dumps({"type": "event", "event_id": "e", "dep_id": 1, "trigger_id": None,
                                   "event_name": "click", "data": [], "event_data": None}))
    (job,) = handler.session.queue.jobs()
    assert loop.call(worker_entry.stop_app, handler, str(app_dir)) == 1
    _wait_for(loop, [job])
    assert job.task.cancelled() and page.of_type("status")[-1]["stage"] == "cancelled"
    assert list(app_dir.iterdir()) == [] and "gradio" not in sys.modules
    assert worker_entry.stop_app(None, str(app_dir)) == 0
    assert worker_entry.stop_app(object(), str(app_dir)) == 0  # JS null arrives as a JsNull, not None


def test_implied_requirements():
    assert worker_entry.implied_requirements(["gr.DateTime(timezone='Europe/Paris')"], []) == ["tzdata"]
    assert worker_entry.implied_requirements(iter(["x = 1"]), iter([])) == []

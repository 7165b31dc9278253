"""No page message kills the app: ≥ 10,000 generated messages of every type, well-formed and not, through the
handler the worker's JS calls (worker_entry.RunningApp: JSON text and buffers, then PageSession.handle).

Each must be answered without an exception escaping (the JS side would lose the app), every reply must be a
protocol message JSON can carry, every event the worker accepted must end exactly once, nothing may fail
unseen on the event loop, and afterwards the app still answers an event. The browser half of this suite is
tests/e2e/test_bad_messages.py (a seeded generator through the real worker's postMessage).
"""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import sys
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wasmblocks as gr
from wasmblocks import protocol, runtime
from wasmblocks.page_session import PageSession
from wasmblocks.session_copy import SessionCopy
from wasmblocks.worker_entry import RunningApp

EXAMPLES = 520
PER_EXAMPLE = 20  # messages per example: 10,400 in all
UNIQUE = "<unique event id>"
UNIQUE_CALL = "<unique call id>"
_FINAL = ("complete", "error", "cancelled")
PATIENCE_TURNS = 20_000  # ~20 s of turns: a guard against a hang, not a timing


class Buffer:
    """What a JS ArrayBuffer proxy offers Python (runtime.buffers_to_bytes)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def to_bytes(self) -> bytes:
        return self.data


def fuzz_app() -> gr.Blocks:
    """Every kind of listener and a spread of components, each function quick."""
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        number = gr.Number(label="Number")
        slider = gr.Slider(0, 10, label="Slider")
        check = gr.Checkbox(label="Check")
        drop = gr.Dropdown(["a", "b", "c"], label="Drop", type="index")
        radio = gr.Radio(["x", "y"], label="Radio")
        boxes = gr.CheckboxGroup(["p", "q"], label="Boxes")
        file = gr.File(label="File")
        data = gr.JSON(label="JSON")
        chat = gr.Chatbot(label="Chat")
        frame = gr.Dataframe(type="array", label="Frame")
        state = gr.State([])
        out = gr.Textbox(label="Out")

        def keep(t, n, s, c, d, r, b, f, j, h, fr, st_):
            st_.append(t)
            return f"{t}|{n}|{s}|{c}|{d}|{r}|{b}|{bool(f)}|{j}|{len(h or [])}|{fr}|{len(st_)}"

        gr.Button("All").click(keep, [text, number, slider, check, drop, radio, boxes, file, data, chat, frame, state],
                               out)
        gr.Button("Echo").click(lambda t: t, text, out, api_name="echo")

        def count(n):
            for i in range(3):
                yield str(i)

        gr.Button("Gen").click(count, number, out)

        async def later(t):
            return t

        gr.Button("Async").click(later, text, out)

        def with_request(t, request: gr.Request, event: gr.EventData):
            return f"{t}{request.session_hash}{event.target}"

        gr.Button("Req").click(with_request, text, out)
        gr.Button("Fail").click(lambda: 1 / 0, None, out)
        gr.Button("Limit").click(lambda t: t, text, out, time_limit=5)
        gr.Button("Batch").click(lambda ts: [ts], text, out, batch=True)

        def double(x):
            return x * 2

        def fails(*args):
            raise ValueError("no")

        gr.HTML("<b>fuzz</b>", server_functions=[double, fails])

        @gr.render(inputs=number)
        def rendered(n):
            for i in range(min(max(int(n or 0), 0), 3)):
                gr.Button(f"R{i}").click(lambda: "r", None, out)
    return demo


# ---- the generated messages ----
# Kept flat (no deep recursion, no flatmap): drawing is most of this test's time.
scalars = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=12)
values = scalars | st.lists(scalars, max_size=3) | st.dictionaries(st.text(max_size=4), scalars, max_size=3)
ids = st.integers(-3, 20) | st.sampled_from([1_000_000, 1_000_001, 2**63]) | values
names = st.sampled_from(["..", ".", "", "/", "a/../b", "CON.txt", "x\x00y.png", "\u202etxt.exe", "ok.txt",
                         "\ud800.bin", "a" * 300]) | st.text(max_size=20)
file_data = st.fixed_dictionaries({"path": st.text(max_size=20), "meta": st.just({"_type": "gradio.FileData"})},
                                  optional={"orig_name": names, "size": st.integers()})
event_values = st.lists(scalars | file_data | st.lists(scalars, max_size=3), max_size=14) | values


def maybe_broken(kind: str, fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A message of `kind` with these fields, some left out, some replaced by any value, maybe one extra."""
    optional = {key: strategy | values for key, strategy in fields.items()}
    return st.fixed_dictionaries({"type": st.just(kind)}, optional={**optional, "extra": values})


MESSAGES = {
    "event": {"event_id": st.just(UNIQUE), "dep_id": ids, "trigger_id": ids, "event_name": st.text(max_size=8),
              "data": event_values, "event_data": values},
    "cancel": {"dep_ids": st.lists(ids, max_size=4)},
    "upload": {"upload_id": st.text(max_size=8),
               "files": st.lists(st.fixed_dictionaries({"name": names, "type": st.text(max_size=8),
                                                         "size": st.integers()}) | values, max_size=4)},
    "restore": {"states": st.lists(st.fixed_dictionaries({"id": ids, "buffer": st.integers(-1, 3)}) | values,
                                   max_size=3),
                "props": st.lists(st.fixed_dictionaries({"id": ids, "props": values}) | values, max_size=3),
                "files": st.lists(st.fixed_dictionaries({"path": st.text(max_size=20), "buffer": st.integers(-1, 3)})
                                  | values, max_size=3)},
    "server_call": {"call_id": st.just(UNIQUE_CALL), "block_id": ids,
                    "fn_name": st.sampled_from(["double", "fails", "nope", "__init__", "server_function", ""]) | values,
                    "args": st.lists(scalars, max_size=3) | values},
    "login": {"call_id": st.just(UNIQUE_CALL), "username": st.text(max_size=8) | values,
              "password": st.text(max_size=8) | values},
    "view_api": {"request_id": st.text(max_size=8) | values},
    "init": {"base_url": values, "session_hash": st.text(max_size=8), "url": st.text(max_size=30)},
    "unload": {},
    "run": {"app": values},
    "write_file": {"request_id": values, "path": values, "data": values},
    "install": {"request_id": values, "requirements": values},
}
typed = st.one_of([maybe_broken(kind, fields) for kind, fields in MESSAGES.items()])
# Events and cancels the app's listeners (ids 0-13) accept, with values of every kind and count: these reach
# preprocessing, the functions and the queue.
dep_ids = st.integers(0, 13)
plausible_event = st.fixed_dictionaries({
    "type": st.just("event"), "event_id": st.just(UNIQUE), "dep_id": dep_ids, "trigger_id": st.none() | dep_ids,
    "event_name": st.sampled_from(["click", "change", "submit", "load"]),
    "data": st.lists(scalars | file_data | st.lists(scalars, max_size=3), max_size=13), "event_data": values})
plausible_cancel = st.fixed_dictionaries({"type": st.just("cancel"), "dep_ids": st.lists(dep_ids, max_size=3)})
anything = st.one_of(plausible_event, typed, plausible_event, typed, plausible_event, plausible_cancel, values,
                     st.fixed_dictionaries({"type": values}))
buffer_lists = st.none() | st.lists(st.binary(max_size=16).map(Buffer), max_size=4) | st.lists(scalars, max_size=3)
# JSON text as the worker's JS makes it, or text that is not JSON at all.
as_json = anything.map(json.dumps)
wire = st.tuples(st.one_of(as_json, as_json, as_json, st.text(max_size=30)), buffer_lists)


class Harness:
    """One app, one page session and the worker's handler, on an event loop this thread drives."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.loop_errors: list[Any] = []
        self.loop.set_exception_handler(lambda loop, context: self.loop_errors.append(context))
        self.messages: list[Any] = []
        app = fuzz_app()
        self.page = PageSession(app, lambda message, paths: self.messages.append(message))
        self.page.copy = SessionCopy(self.page.session, self.page.blocks)
        self.handler = RunningApp(self.page)
        self.echo = next(fn.id for fn in app.fns.values() if fn.api_name == "echo")
        self.sent = 0
        self.unique = itertools.count()
        self.events: set[str] = set()
        self.calls: set[str] = set()

    def deliver(self, text: str, buffers: Any) -> None:
        if UNIQUE in text:
            event_id = f"fuzz-{next(self.unique)}"
            self.events.add(event_id)
            text = text.replace(json.dumps(UNIQUE), json.dumps(event_id))
        if UNIQUE_CALL in text:
            call_id = f"call-{next(self.unique)}"
            self.calls.add(call_id)
            text = text.replace(json.dumps(UNIQUE_CALL), json.dumps(call_id))
        self.sent += 1
        self.handler(text, buffers)  # raises here if the handler let anything out

    def turn(self) -> None:
        """Let the events started so far run (sync functions run in threads under CPython)."""
        self.loop.run_until_complete(asyncio.sleep(0.001))

    def ended(self) -> dict[str, list[str]]:
        """Per tracked event: how it ended (final statuses, or "refused" for an error naming it)."""
        ends: dict[str, list[str]] = {}
        for m in self.messages:
            if m["type"] == "status" and m["stage"] in _FINAL and m["event_id"] in self.events:
                ends.setdefault(m["event_id"], []).append(m["stage"])
            elif m["type"] == "error" and m.get("ref") in self.events:
                ends.setdefault(m["ref"], []).append("refused")
        return ends

    def answered(self) -> dict[str, int]:
        """Per tracked server call: how many replies it got (a server_result, or an error naming it)."""
        answers: dict[str, int] = {}
        for m in self.messages:
            call_id = m.get("call_id") if m["type"] == "server_result" else m.get("ref") if m["type"] == "error" else None
            if call_id in self.calls:
                answers[call_id] = answers.get(call_id, 0) + 1
        return answers


def test_ten_thousand_generated_messages_never_kill_the_app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a stray relative write lands here, not in the checkout
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the failing events' tracebacks
    harness = Harness()
    try:
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(st.lists(wire, min_size=PER_EXAMPLE, max_size=PER_EXAMPLE))
        def run(batch: list[tuple[str, Any]]) -> None:
            for text, buffers in batch:
                harness.deliver(text, buffers)
            harness.turn()

        run()
        assert harness.sent >= 10_000
        for _ in range(PATIENCE_TURNS):
            if len(ends := harness.ended()) == len(harness.events) and len(harness.answered()) == len(harness.calls):
                break
            harness.turn()
        assert set(ends) == harness.events, f"{len(harness.events) - len(ends)} accepted events never ended"
        assert all(len(how) == 1 for how in ends.values()), [how for how in ends.values() if len(how) != 1][:5]
        # Every server call and login with an id gets exactly one reply naming it, whatever else is wrong with it.
        assert harness.calls and set(harness.answered()) == harness.calls
        assert set(harness.answered().values()) == {1}
        for message in harness.messages:
            assert message["type"] in protocol.WORKER_MESSAGE_TYPES
            runtime.encode(message)  # what the worker's JS parses
        assert harness.loop_errors == []
        # And the app still answers an event, with the right result.
        harness.deliver(json.dumps(protocol.event_message("last", harness.echo, ["still here"])), None)
        for _ in range(PATIENCE_TURNS):
            if any(m.get("event_id") == "last" and m.get("stage") == "complete" for m in harness.messages):
                break
            harness.turn()
        updates = [m for m in harness.messages if m["type"] == "update" and m["event_id"] == "last"]
        assert updates and updates[-1]["updates"] == [{"id": updates[-1]["updates"][0]["id"], "value": "still here"}]
    finally:
        harness.loop.run_until_complete(harness.loop.shutdown_default_executor())
        harness.loop.close()
        asyncio.set_event_loop(None)

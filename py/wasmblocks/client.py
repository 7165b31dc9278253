"""Call an app's events from Python without a page: `demo("Ada", api_name="/greet")` or Client(demo).

A Client plays the page for one session. It sends page messages to a PageSession (the same engine as in
the browser: preprocess, queue, postprocess, State per session) and records every message back. As the
page, it keeps the values the page would show and decides what runs when with the page's rules
(events.EventFlow: trigger modes, cancels, .then/.success/.failure chains, `change` on a new value).
Tests also use it raw: `send` any message, `fire` an event past those rules, `settle` to wait for its end.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from typing import Any

from . import protocol
from .block_function import BlockFunction
from .blocks import Blocks
from .config import app_config
from .events import Action, Cancel, EventFlow
from .loop_thread import LoopThread
from .page_session import PageSession
from .session import Session

_ids = itertools.count(1)
# How long the raw helpers wait for the engine before giving up: a guard against a hang, not a timing.
PATIENCE_S = 60.0


def _node_values(node: protocol.Node, into: dict[int, Any]) -> dict[int, Any]:
    if "value" in node["props"]:
        into[node["id"]] = node["props"]["value"]
    for child in node.get("children", []):
        _node_values(child, into)
    return into


class Client:
    """One session against `app`; predict() returns what the page would show in the outputs."""

    def __init__(self, app: Blocks, session: Session | None = None) -> None:
        self.app = app
        self.session = session or Session()
        self.thread = LoopThread()
        self.messages: list[protocol.WorkerMessage] = []
        self.paths: list[list[str]] = []  # per message: the files whose bytes the worker's JS would transfer
        self.page = PageSession(app, self._record, self.session)
        config = app_config(app)
        self.flow = EventFlow.of(config["dependencies"])
        self.values: dict[int, Any] = _node_values(config["root"], {})  # what the page shows, by block id
        self._arrived = threading.Condition()
        self._seen = 0  # messages already applied to `values` and `flow`

    def _record(self, message: protocol.WorkerMessage, paths: list[str]) -> None:
        with self._arrived:
            self.messages.append(message)
            self.paths.append(paths)
            self._arrived.notify_all()

    # ---- raw: messages as any page (or a broken one) sends them ----
    def send(self, message: Any, buffers: list[bytes] | None = None) -> None:
        """Deliver a page message on the engine's loop thread, as the worker's onmessage would."""
        self.thread.call(self.page.handle, message, buffers)

    def of_type(self, kind: str, event_id: str | None = None) -> list[Any]:
        """The messages of one type so far (of one event, when given)."""
        return [m for m in list(self.messages)
                if m["type"] == kind and (event_id is None or m.get("event_id") == event_id)]

    def fire(self, dep_id: int, *data: Any, trigger: int | None = None, event_name: str = "click",
             event_data: Any = None) -> str:
        """Send one `event` straight to the worker (no trigger mode, no chain); returns its event_id."""
        event_id = f"event-{next(_ids)}"
        self.send(protocol.event_message(event_id, dep_id, list(data), trigger_id=trigger, event_name=event_name,
                                         event_data=event_data))
        return event_id

    def wait_until(self, ready: Callable[[], Any], timeout: float = PATIENCE_S) -> Any:
        """Wait until ready() is truthy (checked on each message, and every few ms); returns it.

        TimeoutError after `timeout` seconds: a guard against a hang, not a measure of speed.
        """
        deadline = time.monotonic() + timeout
        with self._arrived:
            while not (found := ready()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"the engine did not get there within {timeout} s")
                self._arrived.wait(min(left, 0.02))
        return found

    def settle(self, event_id: str, timeout: float = PATIENCE_S) -> Any:
        """Wait until the event ends; returns its final status (or the error that refused it)."""
        def ended() -> Any:
            for m in self.messages:
                if m.get("event_id") == event_id and m["type"] == "status" and m["stage"] in _FINAL:
                    return m
                if m["type"] == "error" and m.get("ref") == event_id:
                    return m
            return None
        return self.wait_until(ended, timeout)

    def run(self, dep_id: int, *data: Any) -> list[Any]:
        """Fire and wait; returns the values of the last update (one per output that changed)."""
        event_id = self.fire(dep_id, *data)
        self.settle(event_id)
        updates = self.of_type("update", event_id)
        return [u.get("value") for u in updates[-1]["updates"]] if updates else []

    # ---- as the page ----
    def endpoint(self, api_name: str | None = None, fn_index: int | None = None) -> BlockFunction:
        if fn_index is not None:
            if fn_index not in self.app.fns:
                raise ValueError(f"No event function with index {fn_index}")
            return self.app.fns[fn_index]
        name = (api_name or "").lstrip("/")
        for fn in self.app.fns.values():
            if fn.api_name == name and fn.fn is not None:
                return fn
        names = sorted("/" + f.api_name for f in self.app.fns.values() if f.api_name)
        raise ValueError(f"No event with api_name {api_name!r}; this app has {', '.join(names) or 'none'}")

    def predict(self, *inputs: Any, api_name: str | None = None, fn_index: int | None = None) -> Any:
        """Run one event (and what the page would run after it); returns its output value(s) as postprocessed."""
        fn = self.endpoint(api_name, fn_index)
        for block, value in zip(fn.inputs, inputs, strict=False):
            self.values[block.id] = value  # as if typed into the inputs
        first = fn.config()
        ends = self._drive(self.flow.run(first, None, "api"), {first["id"]: list(inputs)})
        ok, outputs = ends.get(first["id"], (True, {}))
        if not ok:
            raise RuntimeError(outputs)
        results = [outputs.get(block.id, self.values.get(block.id)) for block in fn.outputs]
        return results[0] if len(results) == 1 else tuple(results)

    def trigger(self, block: Any, event: str = "click", data: Any = None) -> None:
        """A block (or block id) fires `event` as on the page; returns when everything it set off has ended."""
        block_id = block if isinstance(block, int) else block.id
        self._drive(self.flow.fire(block_id, event, data), {})

    def _drive(self, actions: list[Action], data: dict[int, list[Any]]) -> dict[int, tuple[bool, Any]]:
        """Carry out the page's actions until no event they started is running.

        Returns, per dependency, how its first run ended: (True, its outputs' values) or (False, the error).
        """
        running: dict[str, protocol.Dependency] = {}
        ends: dict[int, tuple[bool, Any]] = {}
        self._catch_up()
        self._perform(actions, running, data)
        while running:
            with self._arrived:
                self._arrived.wait_for(lambda: len(self.messages) > self._seen)
            message = self.messages[self._seen]
            self._seen += 1
            more = self._apply(message, react=True)
            ended = _ended(message)
            if ended is not None and ended[0] in running:
                event_id, stage, error = ended
                dep = running.pop(event_id)
                outputs = {b: self.values.get(b) for b in dep["outputs"]}
                ends.setdefault(dep["id"], (True, outputs) if stage == "complete" else (False, error or stage))
                more += self.flow.ended(dep, stage)
            self._perform(more, running, {})
        return ends

    def _perform(self, actions: list[Action], running: dict[str, protocol.Dependency],
                 data: dict[int, list[Any]]) -> None:
        for action in actions:
            if isinstance(action, Cancel):
                self.send(protocol.cancel_message(action.dep_ids))
                continue
            dep = action.dep
            values = data.pop(dep["id"], None)
            if values is None:
                values = [self.values.get(i) for i in dep["inputs"]]
            event_id = f"event-{next(_ids)}"
            running[event_id] = dep
            self.send(protocol.event_message(event_id, dep["id"], values, trigger_id=action.trigger_id,
                                             event_name=action.event_name, event_data=action.event_data))

    def _catch_up(self) -> None:
        """Apply what arrived since the last drive (raw events' updates) without reacting to it."""
        while self._seen < len(self.messages):
            self._apply(self.messages[self._seen], react=False)
            self._seen += 1

    def _apply(self, message: protocol.WorkerMessage, *, react: bool) -> list[Action]:
        """What the page's store does with a message; returns what that fires (`change` on a new value)."""
        actions: list[Action] = []
        if message["type"] == "update":
            for update in message["updates"]:
                props = update.get("props", {})
                if "value" not in update and "value" not in props:
                    continue
                value = props["value"] if "value" in props else update["value"]
                # Like the page's store: a value that differs fires the component's `change`.
                if self.values.get(update["id"]) != value:
                    self.values[update["id"]] = value
                    if react:
                        actions += self.flow.fire(update["id"], "change")
        elif message["type"] == "render":
            self.flow.remove(message["removed_dependencies"])
            self.flow.add(message["dependencies"])
            _node_values(message["node"], self.values)
        return actions


_FINAL = ("complete", "error", "cancelled")


def _ended(message: protocol.WorkerMessage) -> tuple[str, protocol.StatusStage, str | None] | None:
    """(event_id, final stage, error text) when the message ends an event: a final status, or a refusal."""
    if message["type"] == "status" and message["stage"] in _FINAL:
        return message["event_id"], message["stage"], message.get("message")
    if message["type"] == "error" and message.get("ref"):
        return str(message.get("ref")), "error", message["message"]
    return None


Blocks.python_caller = Client


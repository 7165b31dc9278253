"""Call an app's events from Python without a page: `demo("Ada", api_name="/greet")` or Client(demo).

The names are gradio_client's: `predict(*args, api_name=…)`, `submit(…)` returning a Job (client_job.py)
you iterate or ask for `.result()`, and `view_api()`. Arguments are the endpoint's parameters: its inputs
without gr.State and buttons, by position or by parameter name; a missing one keeps the value the page
shows (at first the component's initial value).

A Client plays the page for one session. It sends page messages to a PageSession (the same engine as in
the browser: preprocess, queue, postprocess, State per session) and records every message back. As the
page, it keeps the values the page would show and decides what runs when with the page's rules
(events.EventFlow: trigger modes, cancels, .then/.success/.failure chains, `change` on a new value).
Tests also use it raw: `send` any message, `fire` an event past those rules, `settle` to wait for its end.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal

from . import protocol
from .aliases import install_gradio_alias
from .api_info import api_info, endpoint_info, skips_api
from .block_function import BlockFunction
from .blocks import Blocks
from .client_job import Job
from .config import app_config
from .events import Action, Cancel, EventFlow
from .loader import load_app
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
    """One session against `app`; predict() returns what the page would show in the outputs.

    `app` is a Blocks, or the path of an app file (`Client("app.py")`): it runs with `import gradio` meaning
    wasmblocks, as in the browser, without changing the working directory.
    """

    def __init__(self, app: Blocks | str | os.PathLike[str], session: Session | None = None) -> None:
        if not isinstance(app, Blocks):
            app = _load(Path(app))
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
        # Submitted jobs run one after the other: each drives the page's rules over the shared values.
        self._jobs = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wasmblocks-client")

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
        """The event function named (`"/greet"` or `"greet"`) or numbered; the only named one when neither."""
        if fn_index is not None:
            if fn_index not in self.app.fns:
                raise ValueError(f"No event function with index {fn_index}")
            return self.app.fns[fn_index]
        # api_visibility="private": Gradio's clients cannot call it by name.
        named = [f for f in self.app.fns.values() if f.api_name and f.fn is not None and f.api_visibility != "private"]
        if api_name is None and len(named) == 1:
            return named[0]
        name = (api_name or "").lstrip("/")
        for fn in named:
            if fn.api_name == name:
                return fn
        names = sorted("/" + f.api_name for f in named if f.api_name)
        raise ValueError(f"No event with api_name {api_name!r}; this app has {', '.join(names) or 'none'}")

    def _arguments(self, fn: BlockFunction, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
        """One value per input: the arguments in the endpoint's parameter order, by position or name."""
        info = endpoint_info(fn)
        params = [p["parameter_name"] for p in info["parameters"]]
        if len(args) > len(params):
            raise TypeError(f"/{fn.api_name or fn.id} takes {len(params)} argument(s), got {len(args)}")
        given = dict(zip(params, args))
        for key, value in kwargs.items():
            if key not in params:
                raise TypeError(f"/{fn.api_name or fn.id} has no parameter {key!r} (it has {', '.join(params)})")
            if key in given:
                raise TypeError(f"/{fn.api_name or fn.id} got two values for {key!r}")
            given[key] = value
        values, taken = [], iter(params)
        for block in fn.inputs:
            if skips_api(block):
                values.append(self.values.get(block.id))  # what the page sends: a button's label, no state
                continue
            name = next(taken)
            values.append(given[name] if name in given else self.values.get(block.id))
        return values

    def predict(self, *args: Any, api_name: str | None = None, fn_index: int | None = None, **kwargs: Any) -> Any:
        """Run one event (and what the page would run after it); returns its output value(s) as postprocessed.

        A tuple when the endpoint has several outputs (gr.State left out), as gradio_client returns it.
        Raises RuntimeError with the app's message when the function raised.
        """
        return self.submit(*args, api_name=api_name, fn_index=fn_index, **kwargs).result()

    def submit(self, *args: Any, api_name: str | None = None, fn_index: int | None = None,
               result_callbacks: Callable[..., Any] | list[Callable[..., Any]] | None = None, **kwargs: Any) -> Job:
        """Start one event; the Job yields each output as it comes (a generator's every yield) and its result()."""
        fn = self.endpoint(api_name, fn_index)
        values = self._arguments(fn, args, kwargs)  # bad arguments raise here, not in the job
        job = Job(cancel=lambda: self.send(protocol.cancel_message([fn.id])))
        callbacks = [result_callbacks] if callable(result_callbacks) else list(result_callbacks or [])
        for callback in callbacks:
            job.add_done_callback(_result_callback(callback))
        self._jobs.submit(self._run_job, fn, values, job)
        return job

    def _run_job(self, fn: BlockFunction, values: list[Any], job: Job) -> None:
        try:
            job.finish(self._call(fn, values, job))
        except BaseException as exc:  # the job carries it to result()
            job.finish(error=exc)

    def _call(self, fn: BlockFunction, values: list[Any], job: Job) -> Any:
        for block, value in zip(fn.inputs, values):
            self.values[block.id] = value  # as if typed into the inputs
        shown = [block for block in fn.outputs if not skips_api(block)]

        def output() -> Any:
            results = [self.values.get(block.id) for block in shown]
            return results[0] if len(results) == 1 else tuple(results)

        def observe(message: protocol.WorkerMessage) -> None:
            if message["type"] == "update" and message["dep_id"] == fn.id and message["event_id"] == first_event[0]:
                job.produced(output())

        first = fn.config()
        first_event: list[str] = []
        job.started()
        ends = self._drive(self.flow.run(first, None, "api"), {first["id"]: values}, observe, first_event)
        ok, outcome = ends.get(first["id"], (True, {}))
        if not ok:
            if outcome == "cancelled":
                raise CancelledError(f"/{fn.api_name or fn.id} was cancelled")
            # launch(show_error=False) keeps an exception's text from clients too; gradio_client says why.
            raise RuntimeError(outcome or "The app raised an exception but does not show its errors; "
                                          "set show_error=True in launch() to see them")
        results = [outcome.get(block.id, self.values.get(block.id)) for block in shown]
        return results[0] if len(results) == 1 else tuple(results)

    def view_api(self, all_endpoints: bool | None = None, print_info: bool = True,
                 return_format: Literal["dict", "str"] | None = None) -> dict[str, Any] | str | None:
        """The app's endpoints as gradio_client describes them: printed, and as a dict or str on request."""
        info = api_info(self.app)
        text = usage_text(info, all_endpoints)
        if print_info:
            print(text)
        if return_format == "dict":
            return info
        return text if return_format == "str" else None

    def trigger(self, block: Any, event: str = "click", data: Any = None) -> None:
        """A block (or block id) fires `event` as on the page; returns when everything it set off has ended."""
        block_id = block if isinstance(block, int) else block.id
        self._drive(self.flow.fire(block_id, event, data), {})

    def _drive(self, actions: list[Action], data: dict[int, list[Any]],
               observe: Callable[[protocol.WorkerMessage], None] | None = None,
               started: list[str] | None = None) -> dict[int, tuple[bool, Any]]:
        """Carry out the page's actions until no event they started is running.

        Returns, per dependency, how its first run ended: (True, its outputs' values) or (False, the error).
        observe sees each message once it is applied; `started` gets the first event's id.
        """
        running: dict[str, protocol.Dependency] = {}
        ends: dict[int, tuple[bool, Any]] = {}
        self._catch_up()
        self._perform(actions, running, data)
        if started is not None:
            started.extend(list(running)[:1])
        while running:
            with self._arrived:
                self._arrived.wait_for(lambda: len(self.messages) > self._seen)
            message = self.messages[self._seen]
            self._seen += 1
            more = self._apply(message, react=True)
            if observe is not None:
                observe(message)
            ended = _ended(message)
            if ended is not None and ended[0] in running:
                event_id, stage, error = ended
                dep = running.pop(event_id)
                outputs = {b: self.values.get(b) for b in dep["outputs"]}
                ends.setdefault(dep["id"], (True, outputs) if stage == "complete" else (False, error or stage))
                more += self.flow.ended(dep, stage, bool(message.get("validation_failed")))
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


def _load(path: Path) -> Blocks:
    """The Blocks an app file defines, run as the worker runs it (gradio aliased to wasmblocks)."""
    if not path.is_file():
        raise FileNotFoundError(f"no app file {path}")
    install_gradio_alias()
    return load_app(path.name, str(path.parent), chdir=False)


def _result_callback(callback: Callable[..., Any]) -> Callable[[Any], None]:
    """gradio_client's result_callbacks: called with the outputs as separate arguments once the job succeeded."""
    def done(job: Any) -> None:
        if job.exception() is None:
            result = job.result()
            if isinstance(result, tuple):
                callback(*result)
            else:
                callback(result)
    return done


def usage_text(info: dict[str, Any], all_endpoints: bool | None = None) -> str:
    """gradio_client's printed usage: one `predict(…) -> …` line per endpoint, its parameters and returns."""
    named, unnamed = info["named_endpoints"], info["unnamed_endpoints"]
    if all_endpoints is None:
        all_endpoints = not named
    lines = ["Client.predict() Usage Info", "---------------------------", f"Named API endpoints: {len(named)}"]
    listed = [(f'api_name="{name}"', e) for name, e in named.items()]
    if all_endpoints:
        listed += [(f"fn_index={index}", e) for index, e in unnamed.items()]
    for where, endpoint in listed:
        params = [p["parameter_name"] for p in endpoint["parameters"]]
        returns = [r["label"] for r in endpoint["returns"]]
        shown = ", ".join(returns) if len(returns) < 2 else f"({', '.join(returns)})"
        lines += ["", f" - predict({''.join(p + ', ' for p in params)}{where}) -> {shown}", "    Parameters:"]
        for p in endpoint["parameters"] or [None]:
            if p is None:
                lines.append("     - None")
                continue
            default = f"(not required, defaults to:   {p['parameter_default']!r})" if p["parameter_has_default"] \
                else "(required)"
            lines.append(f"     - [{p['component']}] {p['parameter_name']}: {p['python_type']['type']} {default}")
        lines.append("    Returns:")
        lines += [f"     - [{r['component']}] {r['label']}: {r['python_type']['type']}" for r in endpoint["returns"]] \
            or ["     - None"]
    if unnamed and not all_endpoints:
        lines += ["", f"Unnamed API endpoints: {len(unnamed)}, to view, run Client.view_api(all_endpoints=True)"]
    return "\n".join(lines) + "\n"


def _ended(message: protocol.WorkerMessage) -> tuple[str, protocol.StatusStage, str | None] | None:
    """(event_id, final stage, error text) when the message ends an event: a final status, or a refusal."""
    if message["type"] == "status" and message["stage"] in _FINAL:
        return message["event_id"], message["stage"], message.get("message")
    if message["type"] == "error" and message.get("ref"):
        return str(message.get("ref")), "error", message["message"]
    return None


Blocks.python_caller = Client


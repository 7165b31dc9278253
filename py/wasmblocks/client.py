"""Call an app's events from Python without a page: `demo("Ada", api_name="/greet")` or Client(demo).

Runs the same engine as the browser (preprocess, queue, postprocess, State per session) and, like the
page, follows .then/.success/.failure chains, so apps can be unit-tested fast under CPython.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from .blocks import Blocks
from .bridge import Bridge
from .events import BlockFunction
from .loop_thread import LoopThread
from .session import Session

_ids = itertools.count(1)


class Client:
    """One session against `app`; predict() returns what the page would show in the outputs."""

    def __init__(self, app: Blocks) -> None:
        self.app = app
        self.session = Session()
        self.thread = LoopThread()
        self._messages: list[dict[str, Any]] = []
        self._values: dict[int, Any] = {}
        self.bridge = Bridge(app, lambda message, paths: self._messages.append(message), self.session)

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
        """Run one event (and its chain); returns the first event's output value(s) as postprocessed."""
        fn = self.endpoint(api_name, fn_index)
        ok, values = self.thread.run(self._run(fn, list(inputs)))
        self._follow_chain(fn, ok)
        if not ok:
            raise RuntimeError(values)
        results = [values.get(block.id) for block in fn.outputs]
        return results[0] if len(results) == 1 else tuple(results)

    def _follow_chain(self, fn: BlockFunction, ok: bool) -> None:
        for nxt in self.app.fns.values():
            if nxt.trigger_after != fn.id or nxt.fn is None:
                continue
            if (nxt.trigger_only_on_success and not ok) or (nxt.trigger_only_on_failure and ok):
                continue
            data = [self._values.get(block.id) for block in nxt.inputs]
            nxt_ok, _ = self.thread.run(self._run(nxt, data))
            self._follow_chain(nxt, nxt_ok)

    async def _run(self, fn: BlockFunction, data: list[Any]) -> tuple[bool, Any]:
        event_id = f"client-{next(_ids)}"
        start = len(self._messages)
        self.bridge.handle({"type": "event", "event_id": event_id, "dep_id": fn.id, "trigger_id": None,
                            "event_name": "api", "data": data, "event_data": None})
        while True:
            for message in self._messages[start:]:
                if message.get("event_id") != event_id:
                    continue
                if message["type"] == "update":
                    for update in message["updates"]:
                        if "value" in update:
                            self._values[update["id"]] = update["value"]
                if message["type"] == "status" and message["stage"] in ("complete", "error", "cancelled"):
                    if message["stage"] != "complete":
                        return False, message.get("message") or message["stage"]
                    return True, {b.id: self._values.get(b.id) for b in fn.outputs}
                if message["type"] == "error":
                    return False, message["message"]
            start = len(self._messages)
            await asyncio.sleep(0.001)


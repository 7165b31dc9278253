"""Helpers for CPython tests of the engine: a Bridge with a recording `send`, on a loop thread of its own."""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

from wasmblocks.blocks import Blocks
from wasmblocks.bridge import Bridge
from wasmblocks.loop_thread import LoopThread

_ids = itertools.count()


class Harness:
    """One page session against `app`; `messages` records everything the worker would post."""

    def __init__(self, app: Blocks) -> None:
        self.messages: list[dict[str, Any]] = []
        self.paths: list[list[str]] = []
        self.bridge = Bridge(app, self._record)
        self.app = app
        self.thread = LoopThread()

    def _record(self, message: dict[str, Any], paths: list[str]) -> None:
        self.messages.append(message)
        self.paths.append(paths)

    def send(self, message: Any) -> None:
        """Deliver a page message on the loop's thread, as the worker's onmessage would."""
        self.thread.call(self.bridge.handle, message)

    def of_type(self, kind: str, event_id: str | None = None) -> list[dict[str, Any]]:
        return [m for m in list(self.messages) if m["type"] == kind and (event_id is None or m.get("event_id") == event_id)]

    def fire(self, dep_id: int, *data: Any, trigger: int | None = None) -> str:
        event_id = f"ev{next(_ids)}"
        self.send({"type": "event", "event_id": event_id, "dep_id": dep_id, "trigger_id": trigger,
                   "event_name": "click", "data": list(data), "event_data": None})
        return event_id

    def settle(self, event_id: str, timeout: float = 5) -> dict[str, Any]:
        """Wait until the event ends; returns its final status message."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for m in self.of_type("status", event_id):
                if m["stage"] in ("complete", "error", "cancelled"):
                    return m
            time.sleep(0.005)
        raise TimeoutError(f"event {event_id} did not end within {timeout} s")

    def wait(self, seconds: float) -> None:
        self.thread.run(asyncio.sleep(seconds))

    def run(self, dep_id: int, *data: Any) -> list[Any]:
        """Fire and wait; returns the values of the last update (one per output that changed)."""
        event_id = self.fire(dep_id, *data)
        self.settle(event_id)
        updates = self.of_type("update", event_id)
        return [u.get("value") for u in updates[-1]["updates"]] if updates else []

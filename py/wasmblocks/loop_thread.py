"""An asyncio loop on a thread of its own, for driving the engine from synchronous Python code.

The CPython client (and tests) may be called where a loop is already running in the calling thread
(Jupyter, Playwright's sync API), so the engine never borrows the caller's loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")


class LoopThread:
    """A daemon thread running one event loop; call into it with run() and call()."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="wasmblocks-loop", daemon=True)
        self._thread.start()

    def run(self, awaitable: Awaitable[T], timeout: float | None = None) -> T:
        """Run a coroutine on the loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(awaitable, self.loop).result(timeout)  # type: ignore[arg-type]

    def call(self, func: Callable[..., T], *args: Any) -> T:
        """Run a plain function on the loop's thread (where it may schedule tasks) and return its result."""
        async def wrapper() -> T:
            return func(*args)

        return self.run(wrapper())

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=5)

"""Job: one call that Client.submit started, as gradio_client's Job: result(), outputs(), iteration, cancel().

A Job is a concurrent.futures.Future of the call's final output. Each value the event's function produced
(every yield of a generator; the one return value otherwise) is in outputs(), and iterating the job yields
them as they arrive, until the call ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Status(Enum):
    """Where a job is: gradio_client's Status names for the stages a local call goes through."""

    STARTING = "STARTING"
    PROCESSING = "PROCESSING"
    ITERATING = "ITERATING"
    FINISHED = "FINISHED"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True)
class StatusUpdate:
    """job.status(): the stage, and success once finished (None before)."""

    code: Status
    success: bool | None = None


class Job(Future[Any]):
    """A submitted call; result() waits for its final output (a tuple when the endpoint has several)."""

    def __init__(self, cancel: Callable[[], None]) -> None:
        super().__init__()
        self._cancel = cancel
        self._outputs: list[Any] = []
        self._arrived = threading.Condition()
        self._stage = Status.STARTING
        self._cancelled = False

    # ---- filled in by the client's thread ----
    def started(self) -> None:
        with self._arrived:
            self._stage = Status.PROCESSING

    def produced(self, output: Any) -> None:
        """One more output of the event's function (a generator's yield)."""
        with self._arrived:
            self._outputs.append(output)
            if len(self._outputs) > 1:
                self._stage = Status.ITERATING
            self._arrived.notify_all()

    def finish(self, result: Any = None, error: BaseException | None = None) -> None:
        # The future settles first, so an iterator woken below sees done() and ends.
        if error is not None:
            self.set_exception(error)
        else:
            self.set_result(result)
        with self._arrived:
            self._stage = Status.CANCELLED if self._cancelled else Status.FINISHED
            self._arrived.notify_all()

    # ---- gradio_client's Job ----
    def outputs(self) -> list[Any]:
        """Every output so far, oldest first (one per yield of a generator)."""
        with self._arrived:
            return list(self._outputs)

    def status(self) -> StatusUpdate:
        with self._arrived:
            stage = self._stage
        success = None
        if stage is Status.FINISHED:
            success = self.exception() is None
        elif stage is Status.CANCELLED:
            success = False
        return StatusUpdate(stage, success)

    def cancel(self) -> bool:
        """Stop the event (the worker cancels its function); result() then raises CancelledError."""
        if self.done():
            return False
        with self._arrived:
            self._cancelled = True
        self._cancel()
        return True

    def __iter__(self) -> Iterator[Any]:
        """Each output as it arrives; ends when the call has ended."""
        seen = 0
        while True:
            with self._arrived:
                while len(self._outputs) <= seen and not self.done():
                    self._arrived.wait()
                if len(self._outputs) <= seen:
                    return
                item = self._outputs[seen]
            seen += 1
            yield item

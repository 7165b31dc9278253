"""The asyncio event queue: concurrency groups, queue size, and cancelling queued or running events."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from . import protocol, runtime
from .block_function import DEFAULT_LIMIT, BlockFunction


class QueueFull(Exception):  # noqa: N818 - named like asyncio.QueueFull
    """More events are waiting than demo.queue(max_size=…) allows."""


@dataclass(eq=False)
class Job:
    """One accepted event: waiting for a slot, then running as an asyncio task."""

    event_id: str
    fn: BlockFunction
    start: Callable[[], Awaitable[Any]]
    emit: Callable[[protocol.WorkerMessage], None]
    task: asyncio.Future[Any] | None = None
    group: ConcurrencyGroup | None = None

    def status(self, stage: protocol.StatusStage, *, position: int | None = None, message: str | None = None,
               success: bool | None = None) -> None:
        self.emit(protocol.status_message(self.event_id, self.fn.id, stage, position=position, message=message,
                                          success=success))


@dataclass
class ConcurrencyGroup:
    """Listeners sharing one limit: their own (Gradio's default, 1 each) or a shared concurrency_id."""

    limit: int | None
    running: set[Job] = field(default_factory=set)
    waiting: deque[Job] = field(default_factory=deque)

    def has_room(self) -> bool:
        return self.limit is None or len(self.running) < self.limit


class EventQueue:
    """Starts jobs when their group has room, in arrival order."""

    def __init__(self, default_concurrency_limit: int | None = 1, max_size: int | None = None) -> None:
        self.default_concurrency_limit = default_concurrency_limit
        self.max_size = max_size
        self.groups: dict[str, ConcurrencyGroup] = {}

    def group_for(self, fn: BlockFunction) -> ConcurrencyGroup:
        key = fn.concurrency_id or f"fn-{fn.id}"
        if key not in self.groups:
            limit = self.default_concurrency_limit if fn.concurrency_limit == DEFAULT_LIMIT else fn.concurrency_limit
            if not fn.queue:
                limit = None  # queue=False: runs at once, as in Gradio
            if isinstance(limit, str):
                raise ValueError(f"concurrency_limit must be a number, None or 'default', not {limit!r}")
            self.groups[key] = ConcurrencyGroup(limit)
        return self.groups[key]

    def waiting_count(self) -> int:
        return sum(len(g.waiting) for g in self.groups.values())

    def jobs(self) -> list[Job]:
        return [job for g in self.groups.values() for job in (*g.running, *g.waiting)]

    def submit(self, job: Job) -> None:
        """Start job now or put it in line; raises QueueFull beyond max_size."""
        group = self.group_for(job.fn)
        job.group = group
        if group.has_room() and not group.waiting:
            self._start(job)
            return
        if self.max_size is not None and self.waiting_count() >= self.max_size:
            # Gradio's QUEUE_FULL_MSG, word for word: users' tests look for it.
            raise QueueFull("This application is currently busy. Please try again. ")
        group.waiting.append(job)
        job.status("queued", position=len(group.waiting) - 1)

    def cancel(self, dep_ids: list[int]) -> int:
        """Stop the running and waiting jobs of these dependencies; returns how many were stopped."""
        stopped = 0
        for group in self.groups.values():
            for job in [j for j in group.waiting if j.fn.id in dep_ids]:
                group.waiting.remove(job)
                job.status("cancelled")
                stopped += 1
            for job in [j for j in group.running if j.fn.id in dep_ids]:
                if job.task is not None and not job.task.done():
                    job.task.cancel()
                    runtime.interrupt(job.task)  # a sync function asleep in time.sleep wakes and stops
                    stopped += 1
        return stopped

    def _start(self, job: Job) -> None:
        group = job.group
        assert group is not None
        group.running.add(job)
        job.task = asyncio.ensure_future(job.start())
        # A done-callback, not try/finally: a task cancelled before its first step never runs its body.
        job.task.add_done_callback(lambda task: self._finished(job, task))

    def _finished(self, job: Job, task: asyncio.Future[Any]) -> None:
        if task.cancelled():
            job.status("cancelled")
        group = job.group
        assert group is not None
        group.running.discard(job)
        while group.waiting and group.has_room():
            self._start(group.waiting.popleft())
        for position, waiting in enumerate(group.waiting):
            waiting.status("queued", position=position)

"""The page's rules for what runs when: triggers, trigger modes, cancels and .then/.success/.failure chains.

The twin of EventDispatcher in web/src/client/events.ts, for Python that plays the page (wasmblocks.client):
it reads the dependencies as the page gets them (protocol.Dependency) and answers each trigger or ended
event with the actions the page would take. It runs nothing itself, so the rules are testable alone.
`js=` functions do not run in Python: a listener with only `js` ends at once, as a success.

Gradio's `gradio.events` names (EventData, SelectData, `on`, Dependency …) are importable from here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .api_endpoint import api
from .event_data import (
    CopyData,
    DeletedFileData,
    DownloadData,
    EditData,
    EventData,
    IndexedEventData,
    KeyUpData,
    LikeData,
    RetryData,
    SelectData,
    UndoData,
)
from .event_listener import EventListener, EventListenerMethod, Events
from .listeners import Dependency, on
from .protocol import Dependency as DependencyConfig
from .protocol import StatusStage

__all__ = [
    "Cancel", "CopyData", "DeletedFileData", "Dependency", "DownloadData", "EditData", "EventData", "EventFlow",
    "EventListener", "EventListenerMethod", "Events",
    "IndexedEventData", "KeyUpData", "LikeData", "RetryData", "SelectData", "Start", "UndoData", "api", "on",
]


@dataclass(frozen=True)
class Start:
    """Send an `event` for `dep` (with the inputs' current values)."""

    dep: DependencyConfig
    trigger_id: int | None
    event_name: str
    event_data: Any = None


@dataclass(frozen=True)
class Cancel:
    """Send a `cancel` for these dependency ids."""

    dep_ids: list[int]


Action = Start | Cancel


@dataclass
class _Running:
    # The block whose event started the chain: chained runs carry it (their EventData.target, as on Gradio).
    trigger_id: int | None = None
    # always_last: the trigger to run once more, with fresh inputs, when this run ends.
    again: tuple[int | None, str, Any] | None = None


@dataclass
class EventFlow:
    """Which dependencies run, given the triggers that fire and the events that end."""

    _by_target: dict[tuple[int, str], list[DependencyConfig]] = field(default_factory=dict)
    _chained: dict[int, list[DependencyConfig]] = field(default_factory=dict)
    _running: dict[int, _Running] = field(default_factory=dict)

    @classmethod
    def of(cls, dependencies: Iterable[DependencyConfig]) -> EventFlow:
        flow = cls()
        flow.add(dependencies)
        return flow

    def add(self, dependencies: Iterable[DependencyConfig]) -> None:
        """Listen for these dependencies (the app's, or a session's from a `render` message)."""
        for dep in dependencies:
            for block_id, event in dep["targets"]:
                self._by_target.setdefault((block_id, event), []).append(dep)
            if dep["trigger_after"] is not None:
                self._chained.setdefault(dep["trigger_after"], []).append(dep)

    def remove(self, dep_ids: Iterable[int]) -> None:
        """Stop listening for these dependencies; runs of theirs already going still end."""
        gone = set(dep_ids)
        _prune(self._by_target, gone)
        _prune(self._chained, gone)

    def listens(self, block_id: int, event: str) -> bool:
        return (block_id, event) in self._by_target

    def running(self) -> set[int]:
        """Ids of the dependencies that have a run going."""
        return set(self._running)

    def fire(self, block_id: int, event: str, data: Any = None) -> list[Action]:
        """Block `block_id` fired `event`: run every dependency listening to it."""
        actions: list[Action] = []
        for dep in list(self._by_target.get((block_id, event), [])):
            actions += self.run(dep, block_id, event, data)
        return actions

    def run(self, dep: DependencyConfig, trigger_id: int | None, event: str, data: Any = None) -> list[Action]:
        """Run one dependency, unless its trigger mode says to wait for (always_last) or drop (once) it."""
        current = self._running.get(dep["id"])
        if current is not None and dep["trigger_mode"] != "multiple":
            if dep["trigger_mode"] == "always_last":
                current.again = (trigger_id, event, data)
            return []
        self._running[dep["id"]] = _Running(trigger_id)
        actions: list[Action] = [Cancel(list(dep["cancels"]))] if dep["cancels"] else []
        if not dep["backend_fn"]:
            return actions + self._finish(dep, success=True)
        return [*actions, Start(dep, trigger_id, event, data)]

    def ended(self, dep: DependencyConfig, stage: StatusStage, validation_failed: bool = False) -> list[Action]:
        """A run of `dep` ended: a cancelled one (or one its validator= stopped) starts nothing, else its chain
        (and an always_last rerun)."""
        if stage == "cancelled" or validation_failed:
            self._running.pop(dep["id"], None)
            return []
        return self._finish(dep, success=stage == "complete")

    def _finish(self, dep: DependencyConfig, *, success: bool) -> list[Action]:
        entry = self._running.pop(dep["id"], None)
        actions: list[Action] = []
        for nxt in list(self._chained.get(dep["id"], [])):
            if (nxt["trigger_only_on_success"] and not success) or (nxt["trigger_only_on_failure"] and success):
                continue
            actions += self.run(nxt, entry.trigger_id if entry is not None else None, "then")
        if entry is not None and entry.again is not None:
            actions += self.run(dep, *entry.again)
        return actions


K = TypeVar("K")


def _prune(table: dict[K, list[DependencyConfig]], gone: set[int]) -> None:
    for key, deps in list(table.items()):
        rest = [d for d in deps if d["id"] not in gone]
        if rest:
            table[key] = rest
        else:
            del table[key]

"""gr.Progress: a progress bar over an event's outputs, driven from inside the function."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from . import protocol
from .alerts import current_event


class Progress:
    """Declare `progress=gr.Progress()` as a default argument; the engine hands each call its own."""

    def __init__(self, track_tqdm: bool = False) -> None:
        self.track_tqdm = track_tqdm
        self._units: list[protocol.ProgressUnit] = []

    def _send(self) -> None:
        ctx = current_event.get()
        if ctx is None:
            return
        ctx.emit(protocol.status_message(ctx.event_id, ctx.dep_id, ctx.stage, progress=list(self._units)))

    def __call__(
        self,
        progress: float | tuple[int, int | None] | None,
        desc: str | None = None,
        total: int | None = None,
        unit: str = "steps",
        _tqdm: Any = None,
    ) -> float | None:
        """Report progress as a fraction, as (done, total), or None for "working"."""
        unit_state: protocol.ProgressUnit
        if isinstance(progress, tuple):
            index, length = progress
            unit_state = {"index": index, "length": length, "unit": unit, "progress": None, "desc": desc}
        else:
            unit_state = {"index": None, "length": total, "unit": unit, "progress": progress, "desc": desc}
        self._units = [unit_state]
        self._send()
        return progress if not isinstance(progress, tuple) else None

    def tqdm(
        self,
        iterable: Iterable[Any],
        desc: str | None = None,
        total: int | None = None,
        unit: str = "steps",
        *args: Any,
        **kwargs: Any,
    ) -> Iterator[Any]:
        """Wrap an iterable and advance the bar on each item."""
        if total is None:
            try:
                total = len(iterable)  # type: ignore[arg-type]
            except TypeError:
                total = None
        for index, item in enumerate(iterable):
            self((index, total), desc=desc, unit=unit)
            yield item
        self((total or 0, total), desc=desc, unit=unit)

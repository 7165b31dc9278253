"""gr.Accordion: a collapsible section."""

from __future__ import annotations

from typing import Any

from ..block import BlockContext


class Accordion(BlockContext):
    """A labelled section that opens and closes; `open` is its starting state."""

    EVENTS = ("expand", "collapse")
    PROPS = ("label", "open")

    def __init__(self, label: str | None = None, *, open: bool = True, **kwargs: Any) -> None:  # noqa: A002
        self.label = label
        self.open = open
        super().__init__(**kwargs)

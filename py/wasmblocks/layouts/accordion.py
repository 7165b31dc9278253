"""gr.Accordion: a collapsible section."""

from __future__ import annotations

from typing import Any

from ..block import BlockContext


class Accordion(BlockContext):
    """A labelled section that opens and closes; `open` is its starting state."""

    EVENTS = ("expand", "collapse")
    PROPS = ("label", "open", "height", "max_height")

    def __init__(
        self, label: str | None = None, *, open: bool = True,  # noqa: A002
        height: int | str | None = None, max_height: int | str | None = None, **kwargs: Any,
    ) -> None:
        self.label = label
        self.open = open
        self.height = height  # of the content, which scrolls past it
        self.max_height = max_height
        super().__init__(**kwargs)

"""gr.Sidebar: a collapsible panel fixed to the left or right edge of the page."""

from __future__ import annotations

from typing import Any

from ..block import BlockContext


class Sidebar(BlockContext):
    """Children in a side panel with a toggle button; `open` is its starting state (updatable)."""

    EVENTS = ("expand", "collapse")
    PROPS = ("label", "open", "position", "width")

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,  # noqa: A002 - Gradio's parameter name
        visible: bool = True,
        position: str = "left",
        width: int | str = 320,
        **kwargs: Any,
    ) -> None:
        if position not in ("left", "right"):
            raise ValueError(f"gr.Sidebar position must be 'left' or 'right', not {position!r}")
        self.label = label
        self.open = open
        self.position = position
        self.width = width
        super().__init__(visible=visible, **kwargs)

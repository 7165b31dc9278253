"""gr.Draggable: a layout whose children the visitor reorders by dragging them by their handle."""

from __future__ import annotations

from typing import Any

from ..block import BlockContext

ORIENTATIONS = ("row", "column")


class Draggable(BlockContext):
    """Children side by side ("row", wrapping) or stacked ("column"); each one dragged to swap places.

    The order is the page's own, as in Gradio: events and values are unchanged by it.
    """

    PROPS = ("orientation",)

    def __init__(
        self,
        *,
        orientation: str = "column",
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        if orientation not in ORIENTATIONS:
            raise ValueError(f"orientation must be 'row' or 'column', not {orientation!r}")
        self.orientation = orientation
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         preserved_by_key=preserved_by_key)

"""gr.Row: children side by side (wrapping on narrow screens)."""

from __future__ import annotations

from typing import Any

from ..block import BlockContext


class Row(BlockContext):
    """Lays its children out horizontally."""

    PROPS = ("variant", "height", "max_height", "min_height", "equal_height", "show_progress", "scale")

    def __init__(
        self,
        *,
        variant: str = "default",
        height: int | str | None = None,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        equal_height: bool = False,
        show_progress: bool = False,
        scale: int | None = None,
        **kwargs: Any,
    ) -> None:
        self.scale = scale  # the row's share of a column's height (flex-grow), as in Gradio
        self.variant = variant
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.equal_height = equal_height
        self.show_progress = show_progress
        super().__init__(**kwargs)

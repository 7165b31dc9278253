"""gr.Column: children stacked vertically; its scale sets its share of a Row."""

from __future__ import annotations

from typing import Any

from ..block import BlockContext


class Column(BlockContext):
    """Lays its children out vertically."""

    PROPS = ("scale", "min_width", "variant", "show_progress")

    def __init__(
        self,
        scale: int = 1,
        min_width: int = 320,
        variant: str = "default",
        *,
        show_progress: bool = False,
        **kwargs: Any,
    ) -> None:
        self.scale = scale
        self.min_width = min_width
        self.variant = variant
        self.show_progress = show_progress
        super().__init__(**kwargs)


"""gr.Group: its children drawn as one panel, with no gaps between them."""

from __future__ import annotations

from typing import Any

from ..block import BlockContext


class Group(BlockContext):
    """Children shown as one panel with no gaps between them."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)

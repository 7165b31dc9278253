"""gr.Form (gradio.layouts.Form): form components joined into one bordered panel, sized by what it holds."""

from __future__ import annotations

from typing import Any

from ..block import Block, BlockContext


class Form(BlockContext):
    """A panel whose scale and min_width grow with its children's, as Gradio's (it wraps form fields in a Row).

    Gradio puts one around consecutive form components by itself; apps and custom layouts may also make one.
    """

    PROPS = ("scale", "min_width")

    def __init__(
        self,
        *,
        scale: int = 0,
        min_width: int = 0,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.scale = scale
        self.min_width = min_width
        super().__init__(render=render, key=key, preserved_by_key=preserved_by_key)

    def add_child(self, child: Block) -> None:
        # Gradio's rule: in a Row, the form takes its children's scales and min widths together (a child with
        # no scale counts 1), so it gets the room they would have had side by side.
        from .row import Row

        if isinstance(self.parent, Row):
            scale = getattr(child, "scale", None)
            self.scale += 1 if scale is None else scale
            self.min_width += getattr(child, "min_width", 0) or 0
        super().add_child(child)

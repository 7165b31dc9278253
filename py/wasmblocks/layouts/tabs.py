"""gr.Tabs and gr.Tab: one panel visible at a time."""

from __future__ import annotations

from typing import Any, Self

from ..block import BlockContext
from ..context import current_block, enter_block, reset_block


class Tabs(BlockContext):
    """A set of tabs; `selected` is the id (or index) of the open one."""

    EVENTS = ("change", "select")
    PROPS = ("selected", "overflow_behavior")

    def __init__(self, *, selected: int | str | None = None, overflow_behavior: str = "menu", **kwargs: Any) -> None:
        if overflow_behavior not in ("menu", "wrap"):
            raise ValueError(f"Tabs overflow_behavior must be 'menu' or 'wrap', not {overflow_behavior!r}")
        self.selected = selected
        self.overflow_behavior = overflow_behavior
        self.implicit = False  # made by Tab.render() around tabs placed straight into a layout
        super().__init__(**kwargs)


class Tab(BlockContext):
    """One tab; created inside gr.Tabs (or directly in Blocks, which then gets an implicit Tabs)."""

    EVENTS = ("select",)
    PROPS = ("label", "id", "interactive", "render_children", "scale", "height", "max_height", "alignment")

    def __init__(
        self,
        label: str | None = None,
        visible: bool = True,
        interactive: bool = True,
        *,
        id: int | str | None = None,  # noqa: A002 - Gradio's parameter name
        render_children: bool = False,
        scale: int | None = None,
        height: int | str | None = None,
        max_height: int | str | None = None,
        alignment: str = "left",
        **kwargs: Any,
    ) -> None:
        if alignment not in ("left", "right"):
            raise ValueError(f"Tab alignment must be 'left' or 'right', not {alignment!r}")
        self.label = label
        self.scale = scale
        self.height = height
        self.max_height = max_height
        self.alignment = alignment
        self.id_ = id
        self.interactive = interactive
        self.render_children = render_children
        super().__init__(visible=visible, **kwargs)

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props["id"] = self.id_
        return props

    @classmethod
    def get_block_name(cls) -> str:
        return "tab"

    def render(self) -> Self:
        # Gradio lets tabs sit directly in Blocks: wrap consecutive ones in an implicit Tabs.
        parent = current_block()
        if parent is not None and not isinstance(parent, Tabs) and not self.is_rendered:
            last = parent.children[-1] if parent.children else None
            if not isinstance(last, Tabs) or not last.implicit:
                with Tabs() as last:
                    last.implicit = True
            token = enter_block(last)
            try:
                super().render()
            finally:
                reset_block(token)
            return self
        super().render()
        return self


TabItem = Tab

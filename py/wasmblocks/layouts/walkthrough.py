"""gr.Walkthrough and gr.Step: a step-by-step workflow, one step shown at a time under a row of step headers."""

from __future__ import annotations

from typing import Any, Self

from ..block import BlockContext
from ..context import current_block, enter_block, reset_block


class Walkthrough(BlockContext):
    """Steps in order; `selected` is the id of the open step (the first step when None).

    As in Gradio, a person may go back to any earlier step with the headers but not skip ahead: moving forward
    is the app's business (`gr.Walkthrough(selected=…)` returned from an event).
    """

    EVENTS = ("change", "select")
    PROPS = ("selected",)

    def __init__(
        self,
        *,
        selected: int | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.selected = selected
        self.implicit = False  # made by Step.render() around steps placed straight into another layout
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         preserved_by_key=preserved_by_key)


class Step(BlockContext):
    """One step of a gr.Walkthrough; `id` (a number) is what `selected` names: the step's position when not given."""

    EVENTS = ("select",)
    PROPS = ("label", "id", "interactive", "scale")

    def __init__(
        self,
        label: str | None = None,
        visible: bool = True,
        interactive: bool = True,
        *,
        id: int | None = None,  # noqa: A002 - Gradio's parameter name
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        scale: int | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        if id is not None and (isinstance(id, bool) or not isinstance(id, int)):
            raise ValueError(f"gr.Step({label!r}): id must be a number (Gradio orders steps by it), not {id!r}")
        self.label = label
        self.id_ = id
        self.interactive = interactive
        self.scale = scale
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         preserved_by_key=preserved_by_key)

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props["id"] = self.id_
        return props

    @classmethod
    def get_block_name(cls) -> str:
        return "walkthroughstep"  # Gradio's name for it

    def render(self) -> Self:
        # Gradio's expected parent: steps outside a Walkthrough get one, shared by consecutive steps.
        parent = current_block()
        if parent is None or isinstance(parent, Walkthrough) or self.is_rendered:
            super().render()
            return self
        last = parent.children[-1] if parent.children else None
        if not isinstance(last, Walkthrough) or not last.implicit:
            with Walkthrough() as last:
                last.implicit = True
        token = enter_block(last)
        try:
            super().render()
        finally:
            reset_block(token)
        return self

"""gr.Checkbox: one boolean."""

from __future__ import annotations

from typing import Any

from ..alerts import Error
from ..component import FormComponent
from .buttons import corner_buttons


class Checkbox(FormComponent):
    """True or False, shown as a labelled box."""

    EVENTS = ("change", "input", "select")
    PROPS = ("buttons",)

    def __init__(
        self, value: Any = False, *, buttons: list[Any] | None = None, min_width: int = 160, **kwargs: Any,
    ) -> None:
        self.buttons = corner_buttons(buttons, (), (), owner="Checkbox")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> bool:
        if not isinstance(payload, bool):
            raise Error(f"{self.display_name()} expects true or false, got {payload!r}")
        return payload

    def postprocess(self, value: Any) -> bool:
        return bool(value)

    def empty_value(self) -> bool:
        return False

"""gr.Radio: exactly one of a few choices, all visible."""

from __future__ import annotations

from typing import Any

from ..alerts import Error
from ..component import FormComponent
from .buttons import corner_buttons
from .choices import choice_values, normalize_choices


class Radio(FormComponent):
    """One choice shown as radio buttons; `type="index"` gives the position."""

    EVENTS = ("select", "change", "input")
    PROPS = ("choices", "type", "rtl", "buttons")

    def __init__(
        self, choices: Any = None, *, value: Any = None, type: str = "value", rtl: bool = False,  # noqa: A002
        buttons: list[Any] | None = None, min_width: int = 160, **kwargs: Any,
    ) -> None:
        if type not in ("value", "index"):
            raise ValueError(f"Radio type must be 'value' or 'index', not {type!r}")
        self.choices = normalize_choices(choices)
        self.type = type
        self.rtl = rtl
        self.buttons = corner_buttons(buttons, (), (), owner="Radio")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        values = choice_values(self.choices)
        if payload not in values:
            raise Error(f"{self.display_name()}: {payload!r} is not one of the choices {values}")
        return values.index(payload) if self.type == "index" else payload

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        if "choices" in props:
            props = {**props, "choices": normalize_choices(props["choices"])}
        return props

    def api_example(self) -> Any:
        return self.choices[0][1] if self.choices else None

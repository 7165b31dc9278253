"""gr.CheckboxGroup: any number of a few choices, each a checkbox."""

from __future__ import annotations

from typing import Any

from ..alerts import Error
from ..component import FormComponent
from .buttons import corner_buttons
from .choices import choice_values, normalize_choices


class CheckboxGroup(FormComponent):
    """A list of the checked choices' values; `type="index"` gives their positions instead."""

    FILLS_UNSET_VALUE = True  # Gradio's config has a value even for value=None
    EVENTS = ("change", "input", "select")
    PROPS = ("choices", "type", "buttons", "show_select_all")

    def __init__(
        self, choices: Any = None, *, value: Any = None, type: str = "value",  # noqa: A002
        buttons: list[Any] | None = None, show_select_all: bool = False, min_width: int = 160, **kwargs: Any,
    ) -> None:
        if type not in ("value", "index"):
            raise ValueError(f"CheckboxGroup type must be 'value' or 'index', not {type!r}")
        self.choices = normalize_choices(choices)
        self.type = type
        self.buttons = corner_buttons(buttons, (), (), owner="CheckboxGroup")
        self.show_select_all = show_select_all
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> list[Any]:
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise Error(f"{self.display_name()} expects a list of choices, got {payload!r}")
        values = choice_values(self.choices)
        unknown = [item for item in payload if item not in values]
        if unknown:
            raise Error(f"{self.display_name()}: {unknown[0]!r} is not one of the choices {values}")
        return [values.index(item) for item in payload] if self.type == "index" else list(payload)

    def postprocess(self, value: Any) -> list[Any]:
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple, set)) else [value]

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        if "choices" in props:
            props = {**props, "choices": normalize_choices(props["choices"])}
        return props

    def empty_value(self) -> list[Any]:
        return []

    def api_example(self) -> list[Any]:
        return choice_values(self.choices)[:1]

    @classmethod
    def get_block_name(cls) -> str:
        return "checkboxgroup"

"""gr.Dropdown: pick one (or several) of a list of choices."""

from __future__ import annotations

from typing import Any

from ..alerts import Error
from ..component import FormComponent
from .buttons import corner_buttons
from .choices import choice_values, normalize_choices


class DefaultValue:
    """Dropdown's default `value`, as Gradio's sentinel: the first choice (single-select), or none (multiselect)."""

    def __repr__(self) -> str:
        return "DEFAULT_VALUE"


DEFAULT_VALUE = DefaultValue()


class Dropdown(FormComponent):
    """A choice from `choices`; `type="index"` hands the function the position instead."""

    EVENTS = ("change", "input", "select", "focus", "blur", "key_up")
    PROPS = ("choices", "type", "multiselect", "allow_custom_value", "max_choices", "filterable", "buttons",
             "num_choices_shown")

    def __init__(
        self,
        choices: Any = None,
        *,
        value: Any = DEFAULT_VALUE,
        type: str = "value",  # noqa: A002 - Gradio's parameter name
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        filterable: bool = True,
        num_choices_shown: int | None = 100,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.choices = normalize_choices(choices)
        self.type = type
        self.multiselect = bool(multiselect)
        self.allow_custom_value = allow_custom_value
        self.max_choices = max_choices
        self.filterable = filterable
        if isinstance(value, DefaultValue):
            value = [] if self.multiselect else self.choices[0][1] if self.choices else None
        self.buttons = corner_buttons(buttons, (), (), owner="Dropdown")
        if num_choices_shown is not None and (not isinstance(num_choices_shown, int) or num_choices_shown < 1):
            raise ValueError(f"Dropdown num_choices_shown must be a positive int or None, not {num_choices_shown!r}")
        self.num_choices_shown = num_choices_shown
        super().__init__(value, min_width=min_width, **kwargs)

    def value_unset(self) -> bool:
        """A single-select Dropdown given no value starts on its first choice: a value, as in Gradio's config."""
        if "value" not in self._explicit_args and not self.multiselect and self.choices:
            return False
        return super().value_unset()

    def _check(self, item: Any) -> Any:
        values = choice_values(self.choices)
        if item not in values and not self.allow_custom_value:
            raise Error(f"{self.display_name()}: {item!r} is not one of the choices {values}")
        if self.type == "index":
            return values.index(item) if item in values else None
        return item

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return [] if self.multiselect else None
        if self.multiselect:
            if not isinstance(payload, list):
                raise Error(f"{self.display_name()} expects a list of choices")
            if self.max_choices is not None and len(payload) > self.max_choices:
                raise Error(f"{self.display_name()}: at most {self.max_choices} choices")
            return [self._check(item) for item in payload]
        return self._check(payload)

    def postprocess(self, value: Any) -> Any:
        if self.multiselect and value is not None and not isinstance(value, list):
            return [value]
        return value

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        if "choices" in props:
            props = {**props, "choices": normalize_choices(props["choices"])}
        return props

    def api_example(self) -> Any:
        return self.choices[0][1] if self.choices else None

"""gr.Number: a numeric field with optional precision and bounds."""

from __future__ import annotations

import math
from typing import Any

from ..alerts import Error
from ..component import FormComponent
from .buttons import corner_buttons


def round_to_precision(value: float | int, precision: int | None) -> float | int:
    # Gradio's round_to_precision: without a precision the number passes as it came (1 stays 1, not 1.0).
    if precision is None:
        return value
    if precision == 0:
        return round(value)
    return round(value, precision)


class Number(FormComponent):
    """A number, or None when empty."""

    EVENTS = ("change", "input", "submit", "focus", "blur")
    PROPS = ("precision", "minimum", "maximum", "step", "placeholder", "buttons")

    def __init__(
        self,
        value: Any = None,
        *,
        precision: int | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
        placeholder: str | None = None,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.precision = precision
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.placeholder = placeholder
        self.buttons = corner_buttons(buttons, (), (), owner="Number")
        super().__init__(value, min_width=min_width, **kwargs)

    def initial_value(self) -> Any:
        """Gradio's Number starts at 0 when it has no value (its page does `value ??= 0` once, on mount), so an
        empty counter reads 0 and `n + 1` works; a later update to None still empties it."""
        value = super().initial_value()
        if value is None and self.load_fn is None:
            return 0
        return value

    def preprocess(self, payload: Any) -> float | int | None:
        if payload is None or payload == "":
            return None
        if isinstance(payload, bool) or not isinstance(payload, (int, float)) or not math.isfinite(payload):
            raise Error(f"{self.display_name()} expects a number, got {payload!r}")
        if self.minimum is not None and payload < self.minimum:
            raise Error(f"{self.display_name()}: {payload} is less than the minimum {self.minimum}")
        if self.maximum is not None and payload > self.maximum:
            raise Error(f"{self.display_name()}: {payload} is greater than the maximum {self.maximum}")
        return round_to_precision(payload, self.precision)

    def postprocess(self, value: Any) -> float | int | None:
        if value is None:
            return None
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else float(value)
        return round_to_precision(number, self.precision)

    def api_example(self) -> float:
        return 3

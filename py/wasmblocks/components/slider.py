"""gr.Slider: a number chosen between a minimum and a maximum."""

from __future__ import annotations

import math
import random
from typing import Any

from ..alerts import Error
from ..component import FormComponent
from .buttons import corner_buttons
from .number import round_to_precision


class Slider(FormComponent):
    """A bounded number with a step; `release` fires when the handle is let go."""

    FILLS_UNSET_VALUE = True  # Gradio's config has a value even for value=None
    EVENTS = ("change", "input", "release")
    PROPS = ("minimum", "maximum", "step", "buttons")

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: Any = None,
        *,
        step: float | None = None,
        precision: int | None = None,
        randomize: bool = False,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.step = step if step is not None else 1
        self.precision = precision
        if randomize and value is None:
            value = self._random
        self.buttons = corner_buttons(buttons, ("reset",), ("reset",), owner="Slider")
        super().__init__(minimum if value is None else value, min_width=min_width, **kwargs)

    def _random(self) -> float:
        steps = int((self.maximum - self.minimum) / self.step) if self.step else 0
        return self.minimum + self.step * random.randint(0, max(steps, 0))

    def preprocess(self, payload: Any) -> float:
        if isinstance(payload, bool) or not isinstance(payload, (int, float)) or not math.isfinite(payload):
            raise Error(f"{self.display_name()} expects a number, got {payload!r}")
        if not self.minimum <= payload <= self.maximum:
            raise Error(f"{self.display_name()}: {payload} is outside {self.minimum}–{self.maximum}")
        return round_to_precision(payload, self.precision)

    def postprocess(self, value: Any) -> float:
        # precision= rounds both ways, 0 giving an int (Gradio reuses Number's rounding).
        return round_to_precision(self.minimum if value is None else value, self.precision)

    def api_example(self) -> float:
        return self.minimum

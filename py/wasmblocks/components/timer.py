"""gr.Timer: fires `tick` every `value` seconds while active (the page keeps the clock)."""

from __future__ import annotations

from typing import Any

from ..component import Component


class Timer(Component):
    """An invisible clock; update `active` or `value` to stop, start or retime it."""

    EVENTS = ("change", "tick")
    PROPS = ("active",)

    def __init__(self, value: float = 1, *, active: bool = True, render: bool = True, **kwargs: Any) -> None:
        self.active = active
        kwargs.setdefault("visible", False)
        super().__init__(value, render=render, **kwargs)

    def preprocess(self, payload: Any) -> float:
        return float(payload) if payload is not None else float(self.value or 1.0)

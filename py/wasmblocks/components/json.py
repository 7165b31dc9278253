"""gr.JSON: any JSON-serialisable value shown as a collapsible tree."""

from __future__ import annotations

import json
from typing import Any

from ..alerts import Error
from ..component import Component
from .buttons import corner_buttons


def _plain(value: Any) -> Any:
    """Round-trip through json, so what the page gets is plain JSON (tuples → lists, numpy → via tolist)."""
    def fallback(obj: Any) -> Any:
        if hasattr(obj, "tolist"):
            return obj.tolist()
        if isinstance(obj, (set, frozenset)):
            return list(obj)
        raise TypeError(f"{type(obj).__name__} is not JSON serialisable")

    return json.loads(json.dumps(value, default=fallback))


class JSON(Component):
    """Pretty JSON; `open=True` shows it expanded, otherwise nodes past the first level start folded."""

    EVENTS = ("change",)
    PROPS = ("open", "show_indices", "height", "max_height", "min_height", "buttons")

    def __init__(
        self,
        value: Any = None,
        *,
        open: bool = False,  # noqa: A002 - Gradio's parameter name
        show_indices: bool = False,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.open = open
        self.show_indices = show_indices
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.buttons = corner_buttons(buttons, ("copy",), ("copy",), owner="JSON")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError as exc:
                raise Error(f"{self.display_name()}: the string is not valid JSON ({exc})") from None
        try:
            return _plain(value)
        except (TypeError, ValueError) as exc:
            raise Error(f"{self.display_name()}: {exc}") from None

    def api_example(self) -> Any:
        return {"a": 1}

    @classmethod
    def get_block_name(cls) -> str:
        return "json"

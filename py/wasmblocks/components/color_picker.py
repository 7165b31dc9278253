"""gr.ColorPicker: a colour as a "#rrggbb" string."""

from __future__ import annotations

import re
from typing import Any

from ..alerts import Error
from ..component import FormComponent

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def normalize_hex(text: str) -> str:
    """Lower-case, and "#abc" spelled out as "#aabbcc" (the page always sends the long form)."""
    text = text.strip().lower()
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text


class ColorPicker(FormComponent):
    """A colour swatch that opens a picker; the function gets the hex string."""

    EVENTS = ("change", "input", "submit", "focus", "blur", "release")

    def __init__(self, value: Any = None, *, min_width: int = 160, **kwargs: Any) -> None:
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        if payload is None or payload == "":
            return None
        if not isinstance(payload, str) or not _HEX.match(payload.strip()):
            raise Error(f'{self.display_name()} expects a colour like "#ff8800", got {payload!r}')
        return normalize_hex(payload)

    def postprocess(self, value: Any) -> str | None:
        if value is None:
            return None
        text = str(value)
        return normalize_hex(text) if _HEX.match(text.strip()) else text

    def api_example(self) -> str:
        return "#000000"

    @classmethod
    def get_block_name(cls) -> str:
        return "colorpicker"

"""gr.InputHTMLAttributes: HTML attributes for a text input element (Textbox(html_attributes=…))."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass
class InputHTMLAttributes:
    """Attributes set on the <input>/<textarea>; those left None keep the browser's default."""

    autocapitalize: Literal["off", "none", "on", "sentences", "words", "characters"] | None = None
    autocorrect: Literal["on", "off"] | None = None
    spellcheck: bool | None = None
    autocomplete: str | None = None
    tabindex: int | None = None
    enterkeyhint: Literal["enter", "done", "go", "next", "previous", "search", "send"] | None = None
    lang: str | None = None

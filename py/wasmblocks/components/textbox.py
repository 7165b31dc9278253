"""gr.Textbox: single- or multi-line text."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..alerts import Error
from ..component import FormComponent
from .buttons import corner_buttons
from .html_attributes import InputHTMLAttributes


def html_attributes_prop(attributes: Any) -> dict[str, Any] | None:
    """html_attributes= as the page applies it: the attributes that are set (a dict is taken as the same fields)."""
    if attributes is None:
        return None
    if isinstance(attributes, dict):
        attributes = InputHTMLAttributes(**attributes)  # unknown keys: TypeError naming them
    if not isinstance(attributes, InputHTMLAttributes):
        raise ValueError(f"html_attributes must be a gr.InputHTMLAttributes, not {attributes!r}")
    return {name: value for name, value in asdict(attributes).items() if value is not None}


class Textbox(FormComponent):
    """Text in, text out; Enter submits a single-line box."""

    EVENTS = ("change", "input", "submit", "focus", "blur", "select", "copy", "stop")
    PROPS = ("type", "lines", "max_lines", "placeholder", "max_length", "autofocus", "autoscroll",
             "text_align", "rtl", "submit_btn", "stop_btn", "buttons", "html_attributes")

    def __init__(
        self,
        value: Any = None,
        *,
        type: str = "text",  # noqa: A002 - Gradio's parameter name
        lines: int = 1,
        max_lines: int | None = None,
        placeholder: str | None = None,
        max_length: int | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        text_align: str | None = None,
        rtl: bool = False,
        submit_btn: str | bool | None = False,
        stop_btn: str | bool | None = False,
        buttons: list[Any] | None = None,
        html_attributes: InputHTMLAttributes | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if type not in ("text", "password", "email"):
            raise ValueError(f"Textbox type must be 'text', 'password' or 'email', not {type!r}")
        self.type = type
        self.lines = lines
        # Gradio's rule: a "text" box grows up to max(lines, 20) rows, so even a one-line default is a
        # <textarea> (users' tests select "#id textarea"); password and email stay one-line <input>s.
        if max_lines is None:
            max_lines = max(lines, 20) if type == "text" else 1
        self.max_lines = max(max_lines, lines) if type == "text" else 1
        self.placeholder = placeholder
        self.max_length = max_length
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.text_align = text_align
        self.rtl = rtl
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        self.html_attributes = html_attributes_prop(html_attributes)
        self.buttons = corner_buttons(buttons, ("copy",), (), owner="Textbox")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        if not isinstance(payload, str):
            raise Error(f"{self.display_name()} expects text, got {type(payload).__name__}")
        return payload

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def api_example(self) -> str:
        return "Hello!!"

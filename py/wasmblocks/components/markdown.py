"""gr.Markdown: rendered GitHub-flavoured Markdown, with code highlighting and LaTeX."""

from __future__ import annotations

import inspect
from typing import Any

from ..component import Component
from .buttons import corner_buttons


class Markdown(Component):
    """GitHub-flavoured Markdown, sanitized in the page unless sanitize_html=False."""

    EVENTS = ("change", "copy")
    PROPS = ("rtl", "latex_delimiters", "sanitize_html", "line_breaks", "header_links", "height",
             "max_height", "min_height", "buttons", "padding")

    def __init__(
        self,
        value: Any = None,
        *,
        rtl: bool = False,
        latex_delimiters: list[dict[str, Any]] | None = None,
        sanitize_html: bool = True,
        line_breaks: bool = False,
        header_links: bool = False,
        height: int | str | None = None,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        buttons: list[Any] | None = None,
        padding: bool = False,
        container: bool = False,
        min_width: int | None = None,
        **kwargs: Any,
    ) -> None:
        self.rtl = rtl
        self.padding = padding
        self.latex_delimiters = (
            latex_delimiters if latex_delimiters is not None else [{"left": "$$", "right": "$$", "display": True}]
        )
        self.sanitize_html = sanitize_html
        self.line_breaks = line_breaks
        self.header_links = header_links
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        kwargs.setdefault("show_label", False)
        self.buttons = corner_buttons(buttons, ("copy",), (), owner="Markdown")
        super().__init__(value, container=container, min_width=min_width, **kwargs)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else inspect.cleandoc(str(value))

"""gr.Code: source code in an editor (CodeMirror in the page), read-only when not interactive."""

from __future__ import annotations

import os
from typing import Any, ClassVar

from ..alerts import Error
from ..component import Component
from .buttons import corner_buttons

LANGUAGES = (
    "python", "c", "cpp", "markdown", "latex", "json", "html", "css", "javascript", "jinja2", "typescript",
    "yaml", "dockerfile", "shell", "r", "sql", "sql-msSQL", "sql-mySQL", "sql-mariaDB", "sql-sqlite",
    "sql-cassandra", "sql-plSQL", "sql-hive", "sql-pgSQL", "sql-gql", "sql-gpSQL", "sql-sparkSQL",
    "sql-esper", None,
)


class Code(Component):
    """A code string; `language` picks the highlighting, `lines`/`max_lines` the height."""

    EVENTS = ("change", "input", "focus", "blur")
    PROPS = ("language", "lines", "max_lines", "wrap_lines", "show_line_numbers", "autocomplete", "buttons")
    # Gradio's class attribute: apps list it in a Dropdown to pick the language (Gradio's `code` demo).
    languages: ClassVar[list[str | None]] = list(LANGUAGES)

    def __init__(
        self,
        value: Any = None,
        language: str | None = None,
        *,
        lines: int = 5,
        max_lines: int | None = None,
        wrap_lines: bool = False,
        show_line_numbers: bool = True,
        autocomplete: bool = False,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if language not in LANGUAGES:
            raise ValueError(
                f"Code language must be one of {[name for name in LANGUAGES if name]} or None, not {language!r}"
            )
        self.language = language
        self.lines = lines
        self.max_lines = max_lines
        self.wrap_lines = wrap_lines
        self.show_line_numbers = show_line_numbers
        self.autocomplete = autocomplete
        self.buttons = corner_buttons(buttons, ("copy", "download"), ("copy", "download"), owner="Code")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        if not isinstance(payload, str):
            raise Error(f"{self.display_name()} expects code as text, got {type(payload).__name__}")
        return payload

    def postprocess(self, value: Any) -> str | None:
        """A string, or (path,) — Gradio's way of saying "show this file's contents"."""
        if value is None:
            return None
        if isinstance(value, tuple):
            path = os.fspath(value[0])
            try:
                with open(path, encoding="utf-8") as handle:
                    return handle.read()
            except OSError as exc:
                raise Error(f"{self.display_name()}: cannot read {path} ({exc.strerror})") from None
        return str(value).strip() if isinstance(value, str) else str(value)

    def api_example(self) -> str:
        return "print('Hello World')"

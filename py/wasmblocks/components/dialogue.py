"""gr.Dialogue: a conversation between speakers, one line each, edited line by line or as plain text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..alerts import Error
from ..component import Component
from .button import Button

Line = dict[str, str]


def default_formatter(speaker: str, text: str) -> str:
    """Gradio's format of one line: "[Speaker 1] Hello"."""
    return f"[{speaker}] {text}"


def default_unformatter(line: str, default_speaker: str) -> Line:
    """Gradio's reading of one formatted line: "[speaker] text", else the whole line said by `default_speaker`."""
    line = line.strip()
    if not line:
        return {"speaker": "", "text": ""}
    if line.startswith("[") and "]" in line:
        end = line.find("]")
        return {"speaker": line[1:end], "text": line[end + 1:].strip()}
    return {"speaker": default_speaker, "text": line}


def button_prop(button: Any) -> Any:
    """A `buttons=` entry as the page gets it: "copy", or a gr.Button as {id, value, icon} (Gradio's CustomButton)."""
    if isinstance(button, Button):
        return {"id": button.id, "value": button.value, "icon": button.icon}
    if button != "copy":
        raise ValueError(f"gr.Dialogue buttons: 'copy' or gr.Button instances, not {button!r}")
    return button


class Dialogue(Component):
    """Lines of {"speaker", "text"}; the function gets them joined into one string (type="text") or as a list.

    Typing ":" in a line offers the `tags`. The "Plain Text" switch edits the whole dialogue as formatted text
    and reads it back into lines with `unformatter` — both run in Python (Gradio's server functions).
    """

    EVENTS = ("change", "input", "submit")
    PROPS = ("type", "speakers", "tags", "separator", "color_map", "placeholder", "autofocus", "autoscroll",
             "max_lines", "buttons", "submit_btn", "ui_mode")
    SERVER_FNS = ("format", "unformat")

    def __init__(
        self,
        value: list[Line] | Callable[..., Any] | None = None,
        *,
        type: str = "text",  # noqa: A002 - Gradio's parameter name
        speakers: list[str] | None = None,
        formatter: Callable[[str, str], str] | None = None,
        unformatter: Callable[[str, str], Line] | None = None,
        tags: list[str] | None = None,
        separator: str = "\n",
        color_map: dict[str, str] | None = None,
        label: str | None = "Dialogue",
        info: str | None = "Type colon (:) in the dialogue line to see the available tags",
        placeholder: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        max_lines: int | None = None,
        buttons: list[Any] | None = None,
        submit_btn: str | bool | None = False,
        ui_mode: str = "both",
    ) -> None:
        if type not in ("list", "text"):
            raise ValueError(f"gr.Dialogue type must be 'list' or 'text', not {type!r}")
        if ui_mode not in ("dialogue", "text", "both"):
            raise ValueError(f"gr.Dialogue ui_mode must be 'dialogue', 'text' or 'both', not {ui_mode!r}")
        if separator == " ":
            raise ValueError("gr.Dialogue separator cannot be a single space: lines could not be told apart")
        self.type = type
        self.speakers = list(speakers or [])
        self.formatter = formatter
        self.unformatter = unformatter
        self.tags = list(tags or [])
        self.separator = separator
        self.color_map = color_map
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.max_lines = max_lines
        for button in buttons or []:
            if isinstance(button, Button):
                button.unrender()  # shown in the dialogue's toolbar, not where it was made
        self.buttons = [button_prop(b) for b in buttons or []]
        self.submit_btn = submit_btn
        self.ui_mode = ui_mode
        super().__init__(
            value, label=label, info=info, show_label=show_label, container=container, scale=scale,
            min_width=min_width, interactive=interactive, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key,
        )
        if not interactive:
            self.info = None  # Gradio shows the tag hint only on a dialogue made interactive=True

    def preprocess(self, payload: Any) -> str | list[Line] | None:
        lines = self._lines(payload)
        if self.type == "list":
            return lines
        return self._format(lines)

    def postprocess(self, value: Any) -> str | list[Line] | None:
        if value is None or isinstance(value, str):
            return value
        return self._lines(value)

    # ---- server functions: the page calls them by name ----
    def format(self, value: Any) -> str:
        """The dialogue as one string (the copy button, and the "Plain Text" view)."""
        return self._format(self._lines(value))

    def unformat(self, payload: Any) -> list[Line]:
        """Formatted text ({"text": …}) read back into lines, one per `separator`-delimited part."""
        text = payload.get("text", "") if isinstance(payload, dict) else ""
        if not isinstance(text, str) or not text.strip():
            return []
        unformatter = self.unformatter or default_unformatter
        speaker = self.speakers[0] if self.speakers else "Unknown"
        lines = []
        for part in text.split(self.separator):
            if not part.strip():
                continue
            line = unformatter(part.strip(), speaker)
            if not isinstance(line, dict) or not {"speaker", "text"} <= line.keys():
                raise Error(f"{self.display_name()}: the unformatter must return {{'speaker': …, 'text': …}}, "
                            f"not {line!r}")
            if line["speaker"] or line["text"]:
                lines.append({"speaker": str(line["speaker"]), "text": str(line["text"])})
        return lines

    # ---- helpers ----
    def _lines(self, value: Any) -> str | list[Line] | None:
        """A value as Gradio's model holds it: None, a string, or lines checked to be {speaker, text}."""
        if value is None or isinstance(value, str):
            return value
        if not isinstance(value, (list, tuple)):
            raise Error(f"{self.display_name()} expects a list of {{'speaker', 'text'}} lines or a string, "
                        f"got {type(value).__name__}")
        lines = []
        for line in value:
            if not isinstance(line, dict) or not isinstance(line.get("speaker"), str) \
                    or not isinstance(line.get("text"), str):
                raise Error(f"{self.display_name()}: each line is {{'speaker': str, 'text': str}}, not {line!r}")
            lines.append({"speaker": line["speaker"], "text": line["text"]})
        return lines

    def _format(self, lines: str | list[Line] | None) -> str:
        if lines is None or lines == "" or (isinstance(lines, list) and len(lines) == 1 and lines[0]["text"] == ""):
            return ""
        if isinstance(lines, str):
            return lines
        formatter = self.formatter or default_formatter
        return self.separator.join(formatter(line["speaker"], line["text"]) for line in lines)

    def as_example(self, value: Any) -> str:
        """How gr.Examples shows a dialogue sample: as its formatted text."""
        return self._format(self._lines(value))

    def api_example(self) -> list[Line]:
        return [
            {"speaker": "Speaker 1", "text": "Hello, how are you?"},
            {"speaker": "Speaker 2", "text": "I'm fine, thank you!"},
        ]

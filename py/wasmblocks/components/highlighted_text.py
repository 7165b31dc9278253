"""gr.HighlightedText: text with labelled spans (named entities, diffs, confidences)."""

from __future__ import annotations

from typing import Any

from ..alerts import Error
from ..component import Component
from .buttons import corner_buttons

Token = tuple[str, Any]


def tokens_from_entities(value: dict[str, Any]) -> list[Token]:
    """{"text", "entities": [{"start", "end", "entity"|"entity_group"}]} → [(text, label or None), …]."""
    if "text" not in value or "entities" not in value:
        raise Error('HighlightedText expects a dict with "text" and "entities"')
    text, entities = value["text"], value["entities"]
    if not entities:
        return [(text, None)]
    tokens: list[Token] = []
    index = 0
    for entity in sorted(entities, key=lambda e: e["start"]):
        tokens.append((text[index : entity["start"]], None))
        tokens.append((text[entity["start"] : entity["end"]], entity.get("entity") or entity.get("entity_group")))
        index = entity["end"]
    tokens.append((text[index:], None))
    return tokens


def combine(tokens: list[Token], separator: str) -> list[Token]:
    """Merge neighbours with the same label (Gradio's combine_adjacent); empty spans are dropped."""
    out: list[Token] = []
    for text, label in tokens:
        if out and out[-1][1] == label:
            out[-1] = (out[-1][0] + separator + text, label)
        elif text or not out:
            out.append((text, label))
    return out


class HighlightedText(Component):
    """Value: a list of (text, label) pairs, or a dict with the text and its entities."""

    EVENTS = ("change", "select")
    PROPS = ("color_map", "show_legend", "show_inline_category", "combine_adjacent", "adjacent_separator", "rtl",
             "buttons", "show_whitespaces")

    def __init__(
        self,
        value: Any = None,
        *,
        color_map: dict[str, str] | None = None,
        show_legend: bool = False,
        show_inline_category: bool = True,
        combine_adjacent: bool = False,
        adjacent_separator: str = "",
        show_whitespaces: bool = True,
        rtl: bool = False,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.color_map = color_map
        self.show_legend = show_legend
        self.show_inline_category = show_inline_category
        self.combine_adjacent = combine_adjacent
        self.adjacent_separator = adjacent_separator
        self.show_whitespaces = show_whitespaces
        self.rtl = rtl
        self.buttons = corner_buttons(buttons, (), (), owner="HighlightedText")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> list[Token] | None:
        if payload is None:
            return None
        if not isinstance(payload, list) or not all(isinstance(t, dict) and "token" in t for t in payload):
            raise Error(f"{self.display_name()} expects a list of highlighted tokens")
        return [(t["token"], t.get("class_or_confidence")) for t in payload]

    def postprocess(self, value: Any) -> list[dict[str, Any]] | None:
        if value is None:
            return None
        if isinstance(value, dict):
            tokens = tokens_from_entities(value)
        elif isinstance(value, (list, tuple)):
            try:
                tokens = [(str(text), label) for text, label in value]
            except (TypeError, ValueError):
                raise Error(f"{self.display_name()} expects a list of (text, label) pairs") from None
        else:
            raise Error(f"{self.display_name()} expects a list of (text, label) pairs or a dict with entities")
        if self.combine_adjacent:
            tokens = combine(tokens, self.adjacent_separator)
        return [{"token": text, "class_or_confidence": label} for text, label in tokens]

    def api_example(self) -> Any:
        return [{"token": "Hello", "class_or_confidence": "greeting"}]

    @classmethod
    def get_block_name(cls) -> str:
        return "highlightedtext"

"""gr.Label: a classification result — the top class and, optionally, the confidences of the top few."""

from __future__ import annotations

from typing import Any

from ..alerts import Error
from ..component import Component
from .buttons import corner_buttons


class Label(Component):
    """Show a str/number as a label, or a {class: confidence} dict as a heading plus bars."""

    FILLS_UNSET_VALUE = True  # Gradio's config has a value even for value=None
    EVENTS = ("change", "select")
    PROPS = ("num_top_classes", "color", "show_heading", "buttons")

    def __init__(
        self,
        value: Any = None,
        *,
        num_top_classes: int | None = None,
        color: str | None = None,
        show_heading: bool = True,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.num_top_classes = num_top_classes
        self.color = color
        self.show_heading = show_heading
        self.buttons = corner_buttons(buttons, (), (), owner="Label")
        super().__init__(value, min_width=min_width, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        """A {label: confidence} dict when there are confidences, else the label string."""
        if payload is None:
            return None
        if not isinstance(payload, dict):
            raise Error(f"{self.display_name()} expects a label object, got {payload!r}")
        confidences = payload.get("confidences")
        if confidences is None:
            return payload.get("label")
        return {item["label"]: item["confidence"] for item in confidences}

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None or value == {}:
            return None
        if isinstance(value, dict) and "confidences" in value and "label" in value:
            return value
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return {"label": str(value)}
        if isinstance(value, dict):
            try:
                ranked = sorted(((str(k), float(v)) for k, v in value.items()), key=lambda kv: kv[1], reverse=True)
            except (TypeError, ValueError):
                raise Error(
                    f"{self.display_name()} expects {{label: confidence}} with numbers as confidences"
                ) from None
            if self.num_top_classes is not None:
                ranked = ranked[: self.num_top_classes]
            return {"label": ranked[0][0] if ranked else None,
                    "confidences": [{"label": k, "confidence": v} for k, v in ranked]}
        raise Error(
            f"{self.display_name()} expects a str, a number or a dict of confidences, got {type(value).__name__}"
        )

    def api_example(self) -> Any:
        return {"label": "Cat", "confidences": [{"label": "Cat", "confidence": 0.9}]}

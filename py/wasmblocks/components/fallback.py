"""gr.components.Fallback: Gradio's stand-in for a custom component whose page code is missing, shown as JSON."""

from __future__ import annotations

from typing import Any

from ..component import Component


class Fallback(Component):
    """Any JSON value, passed through both ways and shown as an expanded tree (Gradio's Fallback)."""

    EVENTS = ("change",)

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        return value

    def example_payload(self) -> Any:
        return {"foo": "bar"}

    def example_value(self) -> Any:
        return {"foo": "bar"}

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}

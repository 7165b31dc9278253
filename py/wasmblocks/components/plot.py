"""gr.Plot: a matplotlib, plotly or altair figure; matplotlib is drawn in the worker, the others in the page.

Nothing here imports a plotting library: figures are recognised by the module their class comes from.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from ..alerts import Error
from ..component import Component
from .buttons import corner_buttons

# What the page knows how to draw (web/src/components/plot.tsx).
KINDS = ("matplotlib", "plotly", "altair", "vega")


def _library(value: Any) -> str:
    """The top-level package a figure comes from; `plt` itself (a module) counts as matplotlib."""
    module = value.__name__ if isinstance(value, type(io)) else type(value).__module__
    return module.split(".")[0]


def matplotlib_png(figure: Any, fmt: str = "png") -> str:
    """A matplotlib figure (or pyplot itself) as a data: URL, rendered here in the worker."""
    if isinstance(figure, type(io)):
        figure = figure.gcf()
    buffer = io.BytesIO()
    fmt = "svg" if fmt == "svg" else "png"
    figure.savefig(buffer, format=fmt, bbox_inches="tight")
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(buffer.getvalue()).decode('ascii')}"


def plot_value(value: Any, fmt: str = "png", who: str = "Plot") -> dict[str, Any] | None:
    """Any supported figure as {"type", "plot"}: a data URL (matplotlib) or the library's JSON (plotly, altair)."""
    if value is None:
        return None
    if isinstance(value, dict) and value.get("type") in KINDS and "plot" in value:
        return value
    library = _library(value)
    if library == "matplotlib":
        return {"type": "matplotlib", "plot": matplotlib_png(value, fmt)}
    if library == "plotly" and hasattr(value, "to_json"):
        return {"type": "plotly", "plot": value.to_json()}
    if library == "altair" and hasattr(value, "to_json"):
        return {"type": "altair", "plot": value.to_json()}
    raise Error(f"{who} can show matplotlib, plotly and altair figures, not {type(value).__name__}")


class Plot(Component):
    """Shows a figure; output only (Gradio's Plot has no input form)."""

    EVENTS = ("change",)
    PROPS = ("format", "buttons")

    def __init__(
        self, value: Any = None, *, format: str = "webp", buttons: list[Any] | None = None,  # noqa: A002
        min_width: int = 160, **kwargs: Any,
    ) -> None:
        self.buttons = corner_buttons(buttons, (), (), owner="Plot")
        self.format = format
        super().__init__(value, min_width=min_width, **kwargs)

    def display_name(self) -> str:
        # postprocess runs inside Component.__init__, before the block has an id.
        return super().display_name() if hasattr(self, "_id") else type(self).__name__

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        return plot_value(value, self.format, self.display_name())

    def api_example(self) -> None:
        return None

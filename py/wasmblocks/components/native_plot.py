"""gr.LinePlot, gr.BarPlot, gr.ScatterPlot: a Vega-Lite spec built here from columns, drawn by vega-embed in the page.

The value is a pandas DataFrame (recognised by duck typing, never imported) or a dict of equal-length columns.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from ..alerts import Error
from ..component import Component
from .buttons import corner_buttons
from .dataframe import json_cell

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def columns_of(value: Any, who: str) -> dict[str, list[Any]]:
    """The value's columns as plain lists: a pandas DataFrame or a dict of equal-length sequences."""
    if type(value).__module__.startswith("pandas") and hasattr(value, "to_dict") and hasattr(value, "columns"):
        return {str(k): [json_cell(v) for v in col] for k, col in value.to_dict(orient="list").items()}
    if not isinstance(value, dict):
        raise Error(f"{who} expects a pandas DataFrame or a dict of columns, got {type(value).__name__}")
    columns = {str(k): [json_cell(v) for v in (col.tolist() if hasattr(col, "tolist") else list(col))]
               for k, col in value.items()}
    lengths = {len(c) for c in columns.values()}
    if len(lengths) > 1:
        sizes = ", ".join(f"{k}={len(c)}" for k, c in columns.items())
        raise Error(f"{who}: the columns have different lengths ({sizes})")
    return columns


def field_type(values: list[Any], *, nominal_default: bool = False) -> str:
    """Vega-Lite's type for a column: numbers are quantitative, ISO dates temporal, the rest nominal."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "ordinal" if nominal_default else "quantitative"
    if present and all(isinstance(v, str) and _DATE.match(v) for v in present):
        return "temporal"
    return "nominal"


class NativePlot(Component):
    """The shared part of the three plots: columns → a Vega-Lite spec with title, limits, colour and tooltip."""

    MARK: ClassVar[str] = "point"
    EVENTS = ("change", "select", "double_click")
    PROPS = ("x", "y", "color", "title", "x_title", "y_title", "height", "width", "x_lim", "y_lim", "tooltip",
             "caption", "buttons")

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        color: str | None = None,
        title: str | None = None,
        x_title: str | None = None,
        y_title: str | None = None,
        color_title: str | None = None,
        x_bin: float | None = None,
        y_aggregate: str | None = None,
        color_map: dict[str, str] | None = None,
        x_lim: list[float] | None = None,
        y_lim: list[float] | None = None,
        x_label_angle: float = 0,
        y_label_angle: float = 0,
        x_axis_labels_visible: bool = True,
        caption: str | None = None,
        sort: str | list[str] | None = None,
        tooltip: str | list[str] | bool = "axis",
        height: int | None = None,
        width: int | str | None = None,
        buttons: list[Any] | None = None,
        x_axis_format: str | None = None,
        y_axis_format: str | None = None,
        colors_in_legend: list[str] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        for name, lim in (("x_lim", x_lim), ("y_lim", y_lim)):
            if lim is not None and (not isinstance(lim, (list, tuple)) or len(lim) != 2):
                raise ValueError(f"{type(self).__name__} {name} must be [min, max], not {lim!r}")
        if y_aggregate not in (None, "sum", "mean", "median", "min", "max", "count"):
            raise ValueError(f"{type(self).__name__} y_aggregate {y_aggregate!r} is not sum/mean/median/min/max/count")
        self.x, self.y, self.color = x, y, color
        self.title, self.x_title, self.y_title, self.color_title = title, x_title, y_title, color_title
        self.x_bin, self.y_aggregate, self.color_map = x_bin, y_aggregate, color_map
        self.x_lim = list(x_lim) if x_lim else None
        self.y_lim = list(y_lim) if y_lim else None
        self.x_label_angle, self.y_label_angle = x_label_angle, y_label_angle
        self.x_axis_labels_visible = x_axis_labels_visible
        self.caption, self.sort, self.tooltip = caption, sort, tooltip
        self.height, self.width = height, width
        self.buttons = corner_buttons(buttons, ("fullscreen", "export"), (), owner=type(self).__name__)
        # d3 format strings for the axis labels (Vega-Lite's axis.format), e.g. ".2e" or "~g".
        self.x_axis_format, self.y_axis_format = x_axis_format, y_axis_format
        self.colors_in_legend = list(colors_in_legend) if colors_in_legend is not None else None
        super().__init__(value, min_width=min_width, **kwargs)

    def display_name(self) -> str:
        # postprocess runs inside Component.__init__, before the block has an id.
        return super().display_name() if hasattr(self, "_id") else type(self).__name__

    def preprocess(self, payload: Any) -> Any:
        """As an input the function gets the columns back as a dict (pandas is not assumed)."""
        if payload is None:
            return None
        values = (payload.get("spec") or {}).get("data", {}).get("values", []) if isinstance(payload, dict) else []
        keys = list(values[0]) if values else []
        return {k: [row.get(k) for row in values] for k in keys}

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if isinstance(value, dict) and value.get("type") == "vega" and "spec" in value:
            return value
        columns = columns_of(value, self.display_name())
        return {"type": "vega", "spec": self.spec(columns)}

    # ---- the spec ----
    def _field(self, name: str | None, axis: str, columns: dict[str, list[Any]]) -> str:
        if name is None:
            keys = list(columns)
            index = 0 if axis == "x" else 1
            if len(keys) <= index:
                raise Error(f"{self.display_name()} needs {axis}= (the data has columns {keys})")
            return keys[index]
        if name not in columns:
            raise Error(f"{self.display_name()}: {axis}={name!r} is not a column (columns: {', '.join(columns)})")
        return name

    def _axis(
        self, field: str, title: str | None, lim: list[float] | None, values: list[Any], angle: float, *, x: bool
    ) -> dict[str, Any]:
        # Bars stand on categories, unless numbers are binned (x_bin): then x is a number line.
        kind = field_type(values, nominal_default=x and self.MARK == "bar" and not self.x_bin)
        enc: dict[str, Any] = {"field": field, "type": kind, "title": title or field,
                               "axis": {"labelAngle": angle} if angle else {}}
        if x and not self.x_axis_labels_visible:
            enc["axis"]["labels"] = False
        label_format = self.x_axis_format if x else self.y_axis_format
        if label_format:
            enc["axis"]["format"] = label_format
        if lim is not None:
            enc["scale"] = {"domain": list(lim)}
        elif kind == "quantitative" and (self.MARK == "point" or x):
            enc["scale"] = {"zero": False}  # as Gradio: fit the data, don't stretch the axis to 0
        if x and self.x_bin and kind == "quantitative":
            enc["bin"] = {"step": self.x_bin}
        if not x and self.y_aggregate:
            enc["aggregate"] = self.y_aggregate
        if x and self.sort is not None:
            enc["sort"] = self.sort
        return enc

    def spec(self, columns: dict[str, list[Any]]) -> dict[str, Any]:
        """The Vega-Lite spec for these columns (data inlined as records)."""
        x = self._field(self.x, "x", columns)
        y = self._field(self.y, "y", columns)
        count = len(next(iter(columns.values()), []))
        records = [{k: col[i] for k, col in columns.items()} for i in range(count)]
        encoding: dict[str, Any] = {
            "x": self._axis(x, self.x_title, self.x_lim, columns[x], self.x_label_angle, x=True),
            "y": self._axis(y, self.y_title, self.y_lim, columns[y], self.y_label_angle, x=False),
        }
        if self.color is not None:
            color = self._field(self.color, "color", columns)
            enc: dict[str, Any] = {
                "field": color,
                "type": field_type(columns[color]),
                "title": self.color_title or color,
            }
            if self.color_map:
                enc["scale"] = {"domain": list(self.color_map), "range": list(self.color_map.values())}
            if self.colors_in_legend is not None:
                # Only these series get a legend entry; every series is still drawn (Gradio's colors_in_legend).
                enc["legend"] = {"values": self.colors_in_legend}
            encoding["color"] = enc
        tooltip = self._tooltip(x, y, columns)
        if "bin" in encoding["x"] or "aggregate" in encoding["y"]:
            keep = {x, y, encoding.get("color", {}).get("field")}
            tooltip = [tip for tip in tooltip if tip["field"] in keep]  # other fields would split the groups
        for tip in tooltip:
            # A binned x or aggregated y is shown as such: a raw field in the tooltip would also split the
            # groups, so bars would be drawn per row instead of per bin.
            axis = encoding["x"] if tip["field"] == x else encoding["y"] if tip["field"] == y else {}
            tip.update({k: axis[k] for k in ("bin", "aggregate") if k in axis})
        if tooltip:
            encoding["tooltip"] = tooltip
        mark: dict[str, Any] = {"type": self.MARK, "clip": True}
        if self.MARK == "line":
            mark["point"] = count <= 200
        spec: dict[str, Any] = {
            "data": {"values": records},
            "mark": mark,
            "encoding": encoding,
            "width": self.width if isinstance(self.width, int) else "container",
            "height": self.height or 300,
            "autosize": {"type": "fit", "contains": "padding"},
        }
        if self.title:
            spec["title"] = self.title
        return spec

    def _tooltip(self, x: str, y: str, columns: dict[str, list[Any]]) -> list[dict[str, Any]]:
        if self.tooltip in (False, "none", None):
            return []
        if self.tooltip == "all":
            names = list(columns)
        elif self.tooltip in ("axis", True):
            names = [x, y] + ([self.color] if self.color else [])
        elif isinstance(self.tooltip, str):
            names = [self.tooltip]
        else:
            names = list(self.tooltip)  # type: ignore[arg-type]  # bools were handled above
        return [{"field": n, "type": field_type(columns[n])} for n in names if n in columns]

    def api_example(self) -> None:
        return None


class LinePlot(NativePlot):
    """`gr.LinePlot(value, x=…, y=…)`: lines (with points for small data)."""

    MARK = "line"


class BarPlot(NativePlot):
    """`gr.BarPlot(value, x=…, y=…)`: bars; x is treated as categories unless it is binned."""

    MARK = "bar"


class ScatterPlot(NativePlot):
    """`gr.ScatterPlot(value, x=…, y=…)`: points."""

    MARK = "point"

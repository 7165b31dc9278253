"""gr.Dataframe: a table of rows, shown as {"headers", "data"}; editable, searchable, with select/edit events.

pandas is never imported here at module import time: a DataFrame is recognised by duck typing, and pandas
is imported only when `type="pandas"` has to build one.
"""

from __future__ import annotations

import contextlib
import math
import warnings
from typing import Any, ClassVar

from ..alerts import Error
from ..component import Component
from .buttons import corner_buttons

TYPES = ("pandas", "numpy", "array", "polars")
DATATYPES = ("str", "number", "bool", "date", "markdown", "html", "image")


def _is_pandas(value: Any) -> bool:
    return type(value).__module__.startswith("pandas") and hasattr(value, "columns") and hasattr(value, "to_numpy")


def _is_styler(value: Any) -> bool:
    return type(value).__name__ == "Styler" and hasattr(value, "data")


def json_cell(value: Any) -> Any:
    """A cell as JSON: numpy scalars become Python ones, NaN becomes None, other objects text."""
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        with contextlib.suppress(ValueError, TypeError):
            value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _size(count: Any, name: str) -> tuple[int, str]:
    """(n, "fixed" | "dynamic") from Gradio's row_count/col_count forms: 3 or (3, "fixed")."""
    if isinstance(count, (tuple, list)):
        n, kind = count[0], count[1] if len(count) > 1 else "dynamic"
    else:
        n, kind = count, "dynamic"
    if not isinstance(n, int) or n < 0 or kind not in ("fixed", "dynamic"):
        raise ValueError(f'Dataframe {name} must be an int or (int, "fixed" | "dynamic"), not {count!r}')
    return n, kind


def _limits(value: Any, name: str) -> list[int | None] | None:
    """row_limits/column_limits: (min, max), either None for no bound, min <= max."""
    if value is None:
        return None
    if not isinstance(value, (tuple, list)) or len(value) != 2 or not all(
        v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 0) for v in value
    ):
        raise ValueError(f"Dataframe {name} must be (min, max) of ints or None, not {value!r}")
    low, high = value
    if low is not None and high is not None and low > high:
        raise ValueError(f"Dataframe {name}: the minimum {low} is above the maximum {high}")
    return [low, high]


class Dataframe(Component):
    """A table; `type` says what the function gets: "pandas", "numpy", "array" (list of rows) or "polars"."""

    FILLS_UNSET_VALUE = True  # Gradio's config has a value even for value=None
    EVENTS = ("change", "input", "select", "edit")
    PROPS = ("headers", "datatype", "row_count", "col_count", "row_limits", "column_limits", "wrap", "max_height",
             "column_widths", "show_search", "show_row_numbers", "pinned_columns",
             "static_columns", "max_chars", "line_breaks", "latex_delimiters", "buttons")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "type": 'differs: an input\'s "pandas" (the default), "numpy" or "polars" loads that package from the '
                "Pyodide package index before its first event (offline: an error naming the package, and "
                '"array", which needs none)',
    }

    def __init__(
        self,
        value: Any = None,
        *,
        headers: list[str] | None = None,
        row_count: int | tuple[int, str] | None = None,
        row_limits: tuple[int | None, int | None] | None = None,
        col_count: int | tuple[int, str] | None = None,
        column_count: int | tuple[int, str] | None = None,
        column_limits: tuple[int | None, int | None] | None = None,
        datatype: str | list[str] = "str",
        type: str = "pandas",  # noqa: A002 - Gradio's parameter name
        wrap: bool = False,
        max_height: int | str = 500,
        column_widths: list[str | int] | None = None,
        show_search: str = "none",
        show_row_numbers: bool = False,
        pinned_columns: int | None = None,
        static_columns: list[int] | None = None,
        max_chars: int | None = None,
        line_breaks: bool = True,
        latex_delimiters: list[dict[str, Any]] | None = None,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if type not in TYPES:
            raise ValueError(f"Dataframe type must be one of {', '.join(TYPES)}, not {type!r}")
        if show_search not in ("none", "search", "filter"):
            raise ValueError(f"Dataframe show_search must be 'none', 'search' or 'filter', not {show_search!r}")
        self.type = type
        self.row_count = _size(1 if row_count is None else row_count, "row_count")
        if col_count is not None:
            # Gradio 6 renamed it (col_count still works there, with this warning).
            warnings.warn("Dataframe col_count is deprecated: use column_count", DeprecationWarning, stacklevel=2)
            column_count = column_count if column_count is not None else col_count
        self.col_count = (
            _size(column_count, "column_count") if column_count is not None
            else (len(headers) if headers else 3, "dynamic")
        )
        self.column_count = self.col_count
        # The page adds and deletes rows/columns only within these (Gradio 5's (n, "fixed") counts still stop both).
        self.row_limits = _limits(row_limits, "row_limits")
        self.column_limits = _limits(column_limits, "column_limits")
        self.headers = list(headers) if headers else [str(i + 1) for i in range(self.col_count[0])]
        for kind in [datatype] if isinstance(datatype, str) else datatype:
            if kind not in DATATYPES:
                raise ValueError(f"Dataframe datatype {kind!r} is not one of {', '.join(DATATYPES)}")
        self.datatype = datatype
        self.wrap = wrap
        self.max_height = max_height
        self.column_widths = column_widths
        self.show_search = show_search
        self.show_row_numbers = show_row_numbers
        self.pinned_columns = pinned_columns
        self.static_columns = static_columns or []
        self.max_chars = max_chars
        self.line_breaks = line_breaks
        self.latex_delimiters = latex_delimiters
        self.buttons = corner_buttons(buttons, ("fullscreen", "copy"), ("fullscreen", "copy"), owner="Dataframe")
        super().__init__(value, min_width=min_width, **kwargs)

    def display_name(self) -> str:
        # postprocess runs inside Component.__init__, before the block has an id.
        return super().display_name() if hasattr(self, "_id") else type(self).__name__

    def _empty(self) -> dict[str, Any]:
        rows = self.row_count[0]
        return {
            "headers": list(self.headers),
            "data": [["" for _ in self.headers] for _ in range(rows)],
            "metadata": None,
        }

    PACKAGE_FALLBACK = 'use gr.Dataframe(type="array"), which needs no package'

    def needed_packages(self, role: str) -> list[str]:
        """Pyodide packages to load before this Dataframe preprocesses: what its `type` builds (pandas by default).

        An output needs none: a pandas or polars value means the app has already imported it.
        """
        if role != "input":
            return []
        return {"pandas": ["pandas"], "numpy": ["numpy"], "polars": ["polars"]}.get(self.type, [])

    # ---- values ----
    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            payload = self._empty()
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
            raise Error(f"{self.display_name()} expects {{headers, data}}, got {type(payload).__name__}")
        headers = [str(h) for h in payload.get("headers") or self.headers]
        rows = payload["data"]
        for i, row in enumerate(rows):
            if not isinstance(row, list):
                raise Error(f"{self.display_name()}: row {i} is not a list")
        if self.type == "array":
            return [list(row) for row in rows]
        if self.type == "numpy":
            return _require("numpy", self.display_name()).array(rows, dtype=object)
        if self.type == "polars":
            polars = _require("polars", self.display_name())
            return polars.DataFrame(
                {h: [row[j] if j < len(row) else None for row in rows] for j, h in enumerate(headers)}
            )
        pandas = _require("pandas", self.display_name())
        return pandas.DataFrame(rows, columns=headers).infer_objects()

    def postprocess(self, value: Any) -> dict[str, Any]:
        if value is None:
            return self._empty()
        if _is_styler(value):
            value = value.data
        if _is_pandas(value):
            headers = [str(c) for c in value.columns]
            data = [[json_cell(c) for c in row] for row in value.to_numpy().tolist()]
            return {"headers": headers, "data": data, "metadata": None}
        if type(value).__module__.startswith("polars") and hasattr(value, "rows"):
            return {
                "headers": [str(c) for c in value.columns],
                "data": [[json_cell(c) for c in r] for r in value.rows()],
                "metadata": None,
            }
        if isinstance(value, dict):
            if "data" not in value:
                raise Error(
                    f'{self.display_name()} got a dict without "data"; expected {{"headers": [...], "data": [[...]]}}'
                )
            rows = self._rows(value["data"])
            headers = value.get("headers") or self._headers_for(rows)
            return {"headers": [str(h) for h in headers], "data": rows, "metadata": value.get("metadata")}
        if hasattr(value, "tolist") and not isinstance(value, list):
            value = value.tolist()
        if isinstance(value, (list, tuple)):
            rows = self._rows(value)
            return {"headers": self._headers_for(rows), "data": rows, "metadata": None}
        raise Error(f"{self.display_name()} cannot show a {type(value).__name__}; give a list of rows, "
                    '{"headers", "data"} or a pandas DataFrame')

    def _rows(self, data: Any) -> list[list[Any]]:
        if hasattr(data, "tolist") and not isinstance(data, list):
            data = data.tolist()
        rows = []
        for row in data:
            if isinstance(row, (str, bytes)) or not hasattr(row, "__iter__"):
                row = [row]  # a flat list is one column
            rows.append([json_cell(c) for c in row])
        return rows

    def _headers_for(self, rows: list[list[Any]]) -> list[str]:
        width = max((len(r) for r in rows), default=len(self.headers))
        headers = list(self.headers[:width])
        return headers + [str(i + 1) for i in range(len(headers), width)]

    def empty_value(self) -> Any:
        return None

    def api_example(self) -> dict[str, Any]:
        return {"headers": list(self.headers), "data": [["Hello"] * len(self.headers)], "metadata": None}


def _require(module: str, who: str) -> Any:
    try:
        return __import__(module)
    except ImportError as exc:
        raise Error(f'{who} needs the "{module}" package for this type, which is not loaded. Add "{module}" '
                    'to requirements.txt, or use type="array".') from exc

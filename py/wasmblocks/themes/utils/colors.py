"""gradio.themes.utils.colors: the same hues as gr.themes.colors."""

from __future__ import annotations

from ..colors import (  # noqa: F401 - re-exported under Gradio's module path
    Color,
    amber,
    blue,
    cyan,
    emerald,
    fuchsia,
    gray,
    green,
    indigo,
    lime,
    neutral,
    orange,
    pink,
    purple,
    red,
    rose,
    sky,
    slate,
    stone,
    teal,
    violet,
    yellow,
    zinc,
)

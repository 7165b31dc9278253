"""gr.themes: Gradio's built-in themes as sets of CSS variables (`theme.variables()`), and theme_vars()."""

from __future__ import annotations

import warnings
from typing import Any

from ..protocol import ThemeVars
from . import colors, sizes
from .base import Base, Font, GoogleFont, LocalFont
from .colors import Color
from .presets import BUILT_IN, Citrus, Default, Glass, Monochrome, Ocean, Origin, Soft
from .sizes import Size


def theme_vars(theme: Any) -> ThemeVars | None:
    """The CSS variables for `theme=` (a theme object or a built-in name like "soft"); None = built-in look."""
    if theme is None:
        return None
    if isinstance(theme, Base):
        return theme.variables()
    if isinstance(theme, type) and issubclass(theme, Base):
        return theme().variables()
    if isinstance(theme, str):
        name = theme.lower().removeprefix("gradio/")
        if name in BUILT_IN:
            return BUILT_IN[name]().variables()
        # Gradio would download a Hub theme; the browser has no Hub access, so say so and keep the default.
        warnings.warn(
            f"Theme {theme!r} is not built in (themes from the Hub cannot be loaded here); using the default",
            stacklevel=2,
        )
        return None
    raise TypeError(f"theme= takes a gr.themes theme or its name, not {theme!r}")


__all__ = ["Base", "Citrus", "Color", "Default", "Font", "Glass", "GoogleFont", "LocalFont", "Monochrome", "Ocean",
           "Origin", "Size", "Soft", "colors", "sizes", "theme_vars"]

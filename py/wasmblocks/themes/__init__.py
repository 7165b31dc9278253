"""gr.themes: Gradio's built-in themes as sets of CSS variables (`theme.variables()`), and theme_vars()."""

from __future__ import annotations

import warnings
from typing import Any

from ..protocol import ThemeVars
from . import colors, sizes
from .base import Base, ThemeClass
from .citrus import Citrus
from .colors import Color
from .cyberpunk import Cyberpunk
from .default import Default
from .ember import Ember
from .fonts import Font, GoogleFont, LocalFont
from .glass import Glass
from .mario import Mario
from .monochrome import Monochrome
from .neon import Neon
from .ocean import Ocean
from .origin import Origin
from .sizes import Size
from .soft import Soft

# theme="soft" (or "gradio/soft"): the built-in themes by their Gradio names.
BUILT_IN: dict[str, type[Base]] = {cls.__name__.lower(): cls for cls in (
    Base, Default, Origin, Citrus, Monochrome, Soft, Glass, Ocean, Cyberpunk, Ember, Mario, Neon)}


def theme_vars(theme: Any) -> ThemeVars | None:
    """The CSS variables for `theme=` (a theme object or a built-in name like "soft"); None = built-in look."""
    if theme is None:
        return None
    if isinstance(theme, ThemeClass):
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


def builder(*args: Any, **kwargs: Any) -> Any:
    """gr.themes.builder(): launch the theme builder app (builder_app.demo); arguments go to launch()."""
    from .builder_app import HEAD, PAGE_CSS, demo  # here: the app imports components, which import themes

    return demo.launch(*args, **{"theme": Base(), "css": PAGE_CSS, "head": HEAD, **kwargs})


def theme_css(theme: Any, css: str | None) -> str | None:
    """The app's css= after the theme's own custom_css (Gradio writes the theme's CSS first)."""
    extra = getattr(theme, "custom_css", "") if isinstance(theme, ThemeClass) else ""
    if not extra:
        return css
    return f"{extra}\n{css}" if css else extra


__all__ = ["Base", "Citrus", "Color", "Cyberpunk", "Default", "Ember", "Font", "Glass", "GoogleFont", "LocalFont",
           "Mario", "Monochrome", "Neon", "Ocean", "Origin", "Size", "Soft", "ThemeClass", "builder", "colors", "sizes",
           "theme_css", "theme_vars"]

"""The font kinds a theme's font= / font_mono= lists take (gradio.themes.utils.fonts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Generic families are CSS keywords: written without quotes (Gradio's Font.__str__ does the same).
GENERIC = ("sans-serif", "serif", "monospace", "cursive", "fantasy")


class Font:
    """A font family by name: one the browser has (a system font, or one the page's css= loads)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name if self.name in GENERIC else f"'{self.name}'"

    def stylesheet(self) -> dict[str, str | None]:
        """{"url": a stylesheet to link, "css": @font-face rules}; a plain Font needs neither."""
        return {"url": None, "css": None}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Font) and (self.name, self.stylesheet()) == (other.name, other.stylesheet())

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return f"gr.themes.{type(self).__name__}({self.name!r})"


class GoogleFont(Font):
    """A Google Fonts family. Gradio links its stylesheet; here the page has no internet, so the family shows
    only where the browser already has it (installed, or loaded by the app's css=), else the next in the list."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)

    def stylesheet(self) -> dict[str, str | None]:
        url = f"https://fonts.googleapis.com/css2?family={self.name.replace(' ', '+')}:wght@" + ";".join(
            str(w) for w in self.weights) + "&display=swap"
        return {"url": url, "css": None}


class LocalFont(Font):
    """A font Gradio ships with its frontend (IBM Plex Sans, Source Sans Pro, …). wasmblocks does not ship
    those files, so the family shows where the browser has it, else the next family in the theme's list."""

    def __init__(self, name: str, weights: Iterable[int] = (400, 600)) -> None:
        super().__init__(name)
        self.weights = tuple(weights)


def stack(font: Any) -> tuple[list[Font | str], str]:
    """Gradio's reading of font=: one font or a list; strings stay as written (CSS), Fonts are quoted, anything
    else becomes a LocalFont. Returns the list and the CSS font-family value."""
    items = [font] if isinstance(font, (Font, str)) else list(font)
    fonts = [item if isinstance(item, (Font, str)) else LocalFont(item) for item in items]
    return fonts, ", ".join(str(f) for f in fonts)

"""gradio.themes.utils.fonts: the font kinds a theme's font= lists take."""

from __future__ import annotations

from ..fonts import Font, GoogleFont, LocalFont  # noqa: F401 - re-exported under Gradio's module path

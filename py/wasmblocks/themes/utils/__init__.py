"""gradio.themes.utils: the colors, fonts and sizes modules custom themes import (`from gradio.themes.utils
import colors, fonts, sizes`), and Gradio's helpers for versioned theme files on the Hub."""

from __future__ import annotations

from . import colors, fonts, sizes
from .semver_match import ThemeAsset, get_matching_version, get_theme_assets

__all__ = ["ThemeAsset", "colors", "fonts", "get_matching_version", "get_theme_assets", "sizes"]

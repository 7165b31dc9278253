"""gradio.themes.utils: the colors, fonts and sizes modules custom themes import (`from gradio.themes.utils
import colors, fonts, sizes`). The hues and sizes live in themes/colors.py and themes/sizes.py."""

from __future__ import annotations

from . import colors, fonts, sizes

__all__ = ["colors", "fonts", "sizes"]

"""gradio.themes.utils.sizes: the same size presets as gr.themes.sizes."""

from __future__ import annotations

from ..sizes import (  # noqa: F401 - re-exported under Gradio's module path
    Size,
    radius_lg,
    radius_md,
    radius_none,
    radius_sm,
    radius_xxl,
    spacing_lg,
    spacing_md,
    spacing_sm,
    text_lg,
    text_md,
    text_sm,
)

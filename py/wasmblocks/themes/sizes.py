"""Gradio's size presets by name (`gr.themes.sizes.radius_lg`): a theme reads the part after the last "_"."""

from __future__ import annotations


class Size:
    def __init__(self, name: str) -> None:
        self.name = name


radius_none, radius_sm, radius_md, radius_lg = (Size(f"radius_{n}") for n in ("none", "sm", "md", "lg"))
spacing_sm, spacing_md, spacing_lg = (Size(f"spacing_{n}") for n in ("sm", "md", "lg"))
text_sm, text_md, text_lg = (Size(f"text_{n}") for n in ("sm", "md", "lg"))

"""Gradio's size scales (`gr.themes.sizes.radius_lg`): seven steps xxs…xxl each, named `<kind>_<preset>`."""

from __future__ import annotations

from typing import ClassVar


class Size:
    """Seven sizes, xxs to xxl; a theme takes one as text_size/spacing_size/radius_size (or its preset's name)."""

    # Every Size made, so `radius_size="lg"` finds radius_lg (and a custom Size by its name), as in Gradio.
    all: ClassVar[list[Size]] = []

    def __init__(self, xxs: str, xs: str, sm: str, md: str, lg: str, xl: str, xxl: str, name: str | None = None):
        self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl = xxs, xs, sm, md, lg, xl, xxl
        self.name = name
        Size.all.append(self)

    def expand(self) -> list[str]:
        return [self.xxs, self.xs, self.sm, self.md, self.lg, self.xl, self.xxl]

    def __repr__(self) -> str:
        return f"gr.themes.Size(name={self.name!r})"


def _s(name: str, steps: str) -> Size:
    xxs, xs, sm, md, lg, xl, xxl = steps.split()
    return Size(xxs, xs, sm, md, lg, xl, xxl, name=name)


# Gradio's presets (gradio/themes/utils/sizes.py): the same names and values.
radius_none = _s("radius_none", "0px 0px 0px 0px 0px 0px 0px")
radius_sm = _s("radius_sm", "1px 1px 2px 4px 6px 8px 12px")
radius_md = _s("radius_md", "1px 2px 4px 6px 8px 12px 22px")
radius_lg = _s("radius_lg", "2px 4px 6px 8px 12px 16px 24px")
radius_xxl = _s("radius_xxl", "6px 8px 10px 20px 24px 28px 32px")
spacing_sm = _s("spacing_sm", "1px 1px 2px 4px 6px 9px 12px")
spacing_md = _s("spacing_md", "1px 2px 4px 6px 8px 10px 16px")
spacing_lg = _s("spacing_lg", "2px 4px 6px 8px 10px 14px 28px")
text_sm = _s("text_sm", "8px 9px 11px 13px 16px 20px 24px")
text_md = _s("text_md", "9px 10px 12px 14px 16px 22px 26px")
text_lg = _s("text_lg", "10px 12px 14px 16px 20px 24px 28px")


def resolve(size: Size | str, kind: str) -> Size:
    """A Size, or a preset's short name ("lg" for kind "radius" → radius_lg) turned into it; else a clear error."""
    if isinstance(size, Size):
        return size
    if isinstance(size, str):
        for known in reversed(Size.all):
            if known.name in (f"{kind}_{size}", size):
                return known
    names = [s.name.removeprefix(f"{kind}_") for s in Size.all if s.name and s.name.startswith(f"{kind}_")]
    raise ValueError(f"Unknown {kind} size {size!r}; use a gr.themes.Size or one of: {', '.join(names)}")

"""The option classes of gr.ImageEditor (and gr.Image's webcam and watermark): Brush, Eraser, LayerOptions, …

Plain dataclasses with Gradio's fields and defaults; `*_props` turn them into the JSON the page reads.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Literal

# Gradio's palette when Brush(colors=None).
DEFAULT_COLORS = [
    "rgb(204, 50, 50)", "rgb(173, 204, 50)", "rgb(50, 204, 112)", "rgb(50, 112, 204)", "rgb(173, 50, 204)",
]
WATERMARK_POSITIONS = ("top-left", "top-right", "bottom-left", "bottom-right")


@dataclasses.dataclass
class Eraser:
    """The eraser tool; default_size is its radius in pixels, or "auto"."""

    default_size: int | Literal["auto"] = "auto"


@dataclasses.dataclass
class Brush(Eraser):
    """The brush tool: its radius, its palette (CSS colors or (color, opacity) pairs), whether others may be picked."""

    colors: list[str | tuple[str, float]] | str | tuple[str, float] | None = None
    default_color: str | tuple[str, float] | None = None
    color_mode: Literal["fixed", "defaults"] = "defaults"

    def __post_init__(self) -> None:
        if self.colors is None:
            self.colors = list(DEFAULT_COLORS)
        if self.default_color is None:
            self.default_color = self.colors[0] if isinstance(self.colors, list) else self.colors


@dataclasses.dataclass
class LayerOptions:
    """The layers panel: the layers an editor starts with, whether more may be added, or no panel at all."""

    allow_additional_layers: bool = True
    layers: list[str] | None = None
    disabled: bool = False

    def __post_init__(self) -> None:
        if self.layers is None or len(self.layers) == 0:
            self.layers = ["Layer 1"]


@dataclasses.dataclass
class WebcamOptions:
    """The webcam source: a mirrored preview, and getUserMedia constraints ({"video": {...}})."""

    mirror: bool = True
    constraints: dict[str, Any] | None = None


@dataclasses.dataclass
class WatermarkOptions:
    """A watermark image and where it goes: a corner name or (x, y) pixels."""

    watermark: Any = None
    position: tuple[int, int] | Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "bottom-right"

    def __post_init__(self) -> None:
        if self.watermark is not None and not _is_image(self.watermark):
            raise ValueError("Watermark must be a string path, Path, PIL Image, numpy array, or None")
        if isinstance(self.position, str):
            if self.position not in WATERMARK_POSITIONS:
                raise ValueError(f"String position must be one of: {set(WATERMARK_POSITIONS)}")
        elif isinstance(self.position, tuple):
            if len(self.position) != 2:
                raise ValueError("Position tuple must have exactly 2 values (x,y)")
            if not all(isinstance(x, int) for x in self.position):
                raise ValueError("Position coordinates must be integers")


def _is_image(value: Any) -> bool:
    """A path, a PIL image or a numpy array, told apart without importing Pillow or numpy."""
    if isinstance(value, (str, os.PathLike)):
        return True
    return (hasattr(value, "save") and hasattr(value, "mode")) or hasattr(value, "__array_interface__")


# ---- the page's view ----
def _color(value: Any) -> list[Any]:
    """A palette entry as [css color, opacity or None] (None: the color's own alpha)."""
    if isinstance(value, (tuple, list)) and len(value) == 2 and isinstance(value[0], str):
        return [value[0], float(value[1])]
    if isinstance(value, str):
        return [value, None]
    raise ValueError(f"a brush color is a CSS color string or a (color, opacity) pair, not {value!r}")


def _size(value: Any, who: str) -> int | str:
    if value == "auto":
        return "auto"
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError(f'{who}.default_size must be a positive number of pixels or "auto", not {value!r}')
    return int(value)


def brush_props(brush: Any) -> dict[str, Any] | bool:
    """gr.Brush (or False: no brush tool) as the page reads it."""
    if brush is False:
        return False
    if isinstance(brush, dict):
        brush = Brush(**brush)
    if not isinstance(brush, Brush):
        raise TypeError(f"brush must be a gr.Brush, None or False, not {type(brush).__name__}")
    colors = brush.colors if isinstance(brush.colors, list) else [brush.colors]
    if brush.color_mode not in ("fixed", "defaults"):
        raise ValueError(f'Brush color_mode must be "fixed" or "defaults", not {brush.color_mode!r}')
    return {
        "default_size": _size(brush.default_size, "Brush"),
        "colors": [_color(c) for c in colors],
        "default_color": _color(brush.default_color),
        "color_mode": brush.color_mode,
    }


def eraser_props(eraser: Any) -> dict[str, Any] | bool:
    """gr.Eraser (or False: no eraser tool) as the page reads it."""
    if eraser is False:
        return False
    if isinstance(eraser, dict):
        eraser = Eraser(**eraser)
    if not isinstance(eraser, Eraser):
        raise TypeError(f"eraser must be a gr.Eraser, None or False, not {type(eraser).__name__}")
    return {"default_size": _size(eraser.default_size, "Eraser")}


def layer_props(layers: Any) -> dict[str, Any]:
    """`layers=` (True, False or gr.LayerOptions) as the page reads it."""
    if layers is True:
        layers = LayerOptions()
    elif layers is False:
        layers = LayerOptions(disabled=True)
    elif isinstance(layers, dict):
        layers = LayerOptions(**layers)
    if not isinstance(layers, LayerOptions):
        raise TypeError(f"layers must be True, False or a gr.LayerOptions, not {type(layers).__name__}")
    names = [layers.layers] if isinstance(layers.layers, str) else list(layers.layers or ["Layer 1"])
    return {
        "allow_additional_layers": bool(layers.allow_additional_layers),
        "layers": [str(n) for n in names],
        "disabled": bool(layers.disabled),
    }


def webcam_props(options: Any) -> dict[str, Any]:
    """gr.WebcamOptions (or a dict, or None) as the page reads it."""
    if options is None:
        options = WebcamOptions()
    elif isinstance(options, dict):
        options = WebcamOptions(**options)
    if not isinstance(options, WebcamOptions):
        raise TypeError(f"webcam_options must be a gr.WebcamOptions, not {type(options).__name__}")
    if options.constraints is not None and not isinstance(options.constraints, dict):
        raise TypeError("WebcamOptions.constraints must be a dict like {'video': {'width': 1024}}")
    return {"mirror": bool(options.mirror), "constraints": options.constraints}

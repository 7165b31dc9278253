"""gr.ImageSlider: two images on top of each other with a handle to compare them (before/after)."""

from __future__ import annotations

from typing import Any

from ..alerts import Error
from .buttons import corner_buttons
from .image import Image


class ImageSlider(Image):
    """Value: a pair of images (paths, numpy arrays or PIL images, per `type`); the page shows [FileData, FileData]."""

    EVENTS = ("clear", "change", "upload", "select")
    PROPS = (*Image.PROPS, "slider_position", "max_height")

    def __init__(
        self, value: Any = None, *, slider_position: float = 50, max_height: int = 500,
        buttons: list[Any] | None = None, min_width: int = 160, **kwargs: Any,
    ) -> None:
        self.slider_position = slider_position
        self.max_height = max_height
        super().__init__(value, min_width=min_width, **kwargs)
        # After Image's own: ImageSlider offers no share button and shows both of its by default.
        self.buttons = corner_buttons(buttons, ("download", "fullscreen"), ("download", "fullscreen"),
                                      owner="ImageSlider")

    @classmethod
    def get_block_name(cls) -> str:
        return "imageslider"

    def preprocess(self, payload: Any) -> tuple[Any, Any] | None:
        if payload is None:
            return None
        if not isinstance(payload, (list, tuple)) or len(payload) != 2:
            raise Error(f"{self.display_name()} expects two images")
        return tuple(None if p is None else super(ImageSlider, self).preprocess(p) for p in payload)  # type: ignore[return-value]

    def postprocess(self, value: Any) -> list[Any] | None:
        if value is None:
            return None
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise Error(f"{self.display_name()} shows two images: return (image1, image2)")
        return [None if v is None else super(ImageSlider, self).postprocess(v) for v in value]

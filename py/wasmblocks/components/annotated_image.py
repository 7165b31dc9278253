"""gr.AnnotatedImage: an image with labelled boxes or masks drawn over it; click one to `select` it."""

from __future__ import annotations

import os
import uuid
from typing import Any

from ..alerts import Error
from ..cache import cache_dir
from ..component import Component
from ..files import file_data, returned_file
from ..packages import missing_error, pillow_for
from ..protocol import FileData
from .buttons import corner_buttons


def _pil(who: str, what: str) -> Any:
    try:
        from PIL import Image as PILImage
    except ImportError as exc:
        raise missing_error("Pillow", who, "not installed", f"give {what} as a file path / bounding boxes") from exc
    return PILImage


class AnnotatedImage(Component):
    """Value in: (image, [(box (x1, y1, x2, y2) or mask array, label), …]).

    Boxes need no numpy or Pillow: the page draws them over the image. Masks (numpy arrays) are saved as
    alpha PNGs the page tints with the label's colour.
    """

    EVENTS = ("change", "select")
    PROPS = ("format", "show_legend", "height", "width", "color_map", "buttons")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",  # noqa: A002 - Gradio's parameter name
        show_legend: bool = True,
        height: int | str | None = None,
        width: int | str | None = None,
        color_map: dict[str, str] | None = None,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        self.format = format
        self.show_legend = show_legend
        self.height = height
        self.width = width
        self.color_map = color_map
        self.buttons = corner_buttons(buttons, ("fullscreen",), ("fullscreen",), owner="AnnotatedImage")
        super().__init__(value, min_width=min_width, **kwargs)

    def needed_packages(self, role: str) -> list[str]:
        return []

    def value_packages(self, value: Any) -> list[str]:
        """Pillow when the returned value holds an array or PIL image to save; paths and URLs need nothing."""
        return pillow_for(value)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise Error(f"{self.display_name()} takes (image, annotations), got {type(value).__name__}")
        image, annotations = value
        out: dict[str, Any] = {"image": self._image(image), "annotations": []}
        for item in annotations or []:
            if not isinstance(item, (tuple, list)) or len(item) != 2:
                raise Error(f"{self.display_name()}: each annotation is (box or mask, label)")
            mask, label = item
            entry: dict[str, Any] = {"label": str(label)}
            if isinstance(mask, (tuple, list)) and len(mask) == 4 and all(isinstance(v, (int, float)) for v in mask):
                entry["box"] = [float(v) for v in mask]
                entry["image"] = None
            else:
                entry["image"] = self._mask(mask)
            out["annotations"].append(entry)
        return out

    def _image(self, image: Any) -> FileData:
        if isinstance(image, (str, os.PathLike, bytes, bytearray, dict)):
            return returned_file(image, self.display_name())
        pil = _pil(self.display_name(), "the image")
        picture = image if hasattr(image, "save") else pil.fromarray(image)
        path = os.path.join(cache_dir(), f"{uuid.uuid4().hex}.png")
        picture.save(path)
        return file_data(path)

    def _mask(self, mask: Any) -> FileData:
        if isinstance(mask, (str, os.PathLike, dict)):
            return returned_file(mask, self.display_name())
        pil = _pil(self.display_name(), "masks")
        import numpy

        alpha = numpy.clip(numpy.asarray(mask, dtype="float64"), 0, 1)
        picture = pil.new("RGBA", (alpha.shape[1], alpha.shape[0]), (255, 255, 255, 0))
        picture.putalpha(pil.fromarray((alpha * 255).astype("uint8"), "L"))
        path = os.path.join(cache_dir(), f"{uuid.uuid4().hex}.png")
        picture.save(path)
        return file_data(path)

"""Image/Video(watermark=): the watermark picture and where it sits, as the page draws it over the media."""

from __future__ import annotations

import os
from typing import Any

from .button import icon_url
from .image_options import WatermarkOptions


def watermark_prop(watermark: Any, who: str) -> dict[str, Any] | None:
    """{url, position} for the page: a file path (or gr.WatermarkOptions around one) as a data: URL.

    Gradio burns the watermark into the file with Pillow/ffmpeg on its server; here the page draws it over
    the image or video (10 px from the corner it names, or at (x, y) pixels), and the file stays as it is.
    """
    if watermark is None:
        return None
    options = watermark if isinstance(watermark, WatermarkOptions) else WatermarkOptions(watermark=watermark)
    picture = options.watermark
    if picture is None:
        return None
    if not isinstance(picture, (str, os.PathLike)):
        raise ValueError(f"{who} watermark must be an image file path here (a PIL image or array needs a server)")
    position = options.position if isinstance(options.position, str) else list(options.position)
    return {"url": icon_url(picture), "position": position}

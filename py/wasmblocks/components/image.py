"""gr.Image: an image shown in the page; uploads reach the function as a path, numpy array or PIL image."""

from __future__ import annotations

import os
import tempfile
import uuid
from typing import Any, ClassVar

from ..alerts import Error
from ..component import Component
from ..files import downloaded, file_data, is_url, missing_file, remote_file
from ..packages import missing_error, pillow_for
from ..protocol import FileData
from .buttons import corner_buttons
from .sources import normalize_sources
from .watermark import watermark_prop


def _cache_dir() -> str:
    path = os.path.join(tempfile.gettempdir(), "wasmblocks-cache")
    os.makedirs(path, exist_ok=True)
    return path


def _require(module: str, package: str) -> Any:
    try:
        return __import__(module)
    except ImportError as exc:
        raise missing_error(package, "gr.Image", "not installed", Image.PACKAGE_FALLBACK) from exc


class Image(Component):
    """An image; `type` says what the function gets: "filepath", "numpy" or "pil"."""

    EVENTS: ClassVar[tuple[str, ...]] = ("clear", "change", "stream", "select", "upload", "input")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "buttons": 'differs: "share" (a post to a Hugging Face Spaces discussion) needs a server, so it draws no '
                   'button; the other built-in buttons and gr.Button entries work',
        "type": 'differs: an input\'s "numpy"/"pil" loads numpy and Pillow from the Pyodide package index before '
                "its first event (offline: an error naming the package); an output loads Pillow only to save an "
                "array or image it is given, never for a path or URL",
        "watermark": "differs: drawn over the image in the page (Gradio writes it into the file on its server); "
                     "the file itself, as downloaded or passed to a function, has no watermark",
    }
    PROPS: ClassVar[tuple[str, ...]] = (
        "type",
        "format",
        "height",
        "width",
        "image_mode",
        "sources",
        "placeholder",
        "webcam_options", "buttons", "alt_text", "watermark", "streaming",)

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",  # noqa: A002 - Gradio's parameter name
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str | None = "RGB",
        sources: list[str] | str | None = None,
        type: str = "numpy",  # noqa: A002
        placeholder: str | None = None,
        webcam_options: Any = None,
        alt_text: str | None = None,
        watermark: Any = None,
        buttons: list[Any] | None = None,
        streaming: bool = False,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise ValueError(f"Image type must be 'numpy', 'pil' or 'filepath', not {type!r}")
        self.format = format
        self.height = height
        self.width = width
        self.image_mode = image_mode
        # A streaming Image takes its frames from the webcam only (Gradio's default and its one allowed source).
        self.sources = normalize_sources(sources if sources is not None or not streaming else ["webcam"],
                                         ("upload", "webcam", "clipboard"), "Image")
        # As an input: the live webcam sends a frame to .stream() listeners every stream_every seconds.
        # As an output: each new value replaces the last at once, with no progress overlay (a live feed).
        self.streaming = streaming
        self.check_streamable()
        # gr.WebcamOptions(mirror=…) or a dict: only `mirror` means something to the page.
        mirror = (
            webcam_options.get("mirror", True)
            if isinstance(webcam_options, dict)
            else getattr(webcam_options, "mirror", True)
        )
        self.webcam_options = {"mirror": bool(mirror)}
        self.type = type
        self.placeholder = placeholder
        self.alt_text = alt_text
        offered = ("download", "share", "fullscreen")
        self.buttons = corner_buttons(buttons, offered, offered, owner="Image")
        self.watermark = watermark_prop(watermark, "Image")
        super().__init__(value, min_width=min_width, **kwargs)

    PACKAGE_FALLBACK = 'use gr.Image(type="filepath"), which needs neither numpy nor Pillow'
    EMPTY_NEEDS_NO_PACKAGES = True  # preprocess(None) is None: no upload, no numpy/Pillow needed

    def check_streamable(self) -> None:
        """Gradio's rule: a streamed Image has the webcam as its only source (.stream() checks it too)."""
        if self.streaming and self.sources != ["webcam"]:
            raise ValueError("Image streaming only available if sources is ['webcam']. "
                             "Streaming not supported with multiple sources.")

    def needed_packages(self, role: str) -> list[str]:
        """Pyodide packages to load before this Image preprocesses (processing.load_needed_packages).

        An output's `type` says what it accepts, not what it is given: its packages follow the value.
        """
        if role == "input":
            return {"numpy": ["numpy", "Pillow"], "pil": ["Pillow"]}.get(self.type, [])
        return []

    def value_packages(self, value: Any) -> list[str]:
        """Pyodide packages postprocessing this returned value needs: Pillow to save an array or image."""
        return pillow_for(value)

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("path"), str):
            raise Error(f"{self.display_name()} expects an uploaded image")
        path = payload["path"]
        if is_url(path):  # an example or value given as a URL: Gradio downloads it before the function runs
            path = downloaded(path, self.display_name())
        if not os.path.exists(path):
            raise Error(f"{self.display_name()}: the file {os.path.basename(path)} is gone")
        if self.type == "filepath":
            return path
        pil = _require("PIL.Image", "Pillow")
        image = pil.Image.open(path)
        if self.image_mode:
            image = image.convert(self.image_mode)
        if self.type == "pil":
            return image
        numpy = _require("numpy", "numpy")
        return numpy.asarray(image)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, dict) and "path" in value:
            return value
        if is_url(value):
            return remote_file(value)
        if isinstance(value, str) and value.startswith("data:"):  # the page shows it as it is
            return FileData(path=value, url=value, orig_name="image", size=None, mime_type=None,
                            meta={"_type": "gradio.FileData"})
        if isinstance(value, (str, os.PathLike)):
            path = os.fspath(value)
            if not os.path.exists(path):
                return missing_file(self.display_name(), path, "image")
            return file_data(os.path.abspath(path))
        return self._save_array_or_pil(value)

    def _save_array_or_pil(self, value: Any) -> FileData:
        pil = _require("PIL.Image", "Pillow")
        image = value if hasattr(value, "save") else pil.Image.fromarray(value)
        fmt = "png" if self.format in (None, "webp") else self.format
        path = os.path.join(_cache_dir(), f"{uuid.uuid4().hex}.{fmt}")
        image.save(path)
        return file_data(path)

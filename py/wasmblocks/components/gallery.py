"""gr.Gallery: a grid of images (and videos) with captions; click one to preview it and fire `select`."""

from __future__ import annotations

import mimetypes
import os
import uuid
from typing import Any, ClassVar

from ..alerts import Error
from ..cache import cache_dir
from ..component import Component
from ..files import file_data, returned_file, uploaded_path
from ..packages import missing_error, pillow_for
from ..protocol import FileData
from .buttons import corner_buttons

VIDEO_EXTENSIONS = (".mp4", ".webm", ".ogg", ".ogv", ".mov", ".m4v", ".avi", ".mkv")


def _is_video(path: str) -> bool:
    mime = mimetypes.guess_type(path)[0] or ""
    return mime.startswith("video/") or path.lower().endswith(VIDEO_EXTENSIONS)


class Gallery(Component):
    """A list of media; the value is [{"image"|"video": FileData, "caption": str | None}, …]."""

    FILLS_UNSET_VALUE = True  # Gradio's config has a value even for value=None
    EVENTS = ("select", "upload", "change", "delete", "preview_close", "preview_open")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "buttons": 'differs: "share" (a post to a Hugging Face Spaces discussion) needs a server, so it draws no '
                   'button; the other built-in buttons and gr.Button entries work',
    }
    PROPS = ("format", "file_types", "columns", "rows", "height", "allow_preview", "preview", "selected_index",
             "object_fit", "type", "buttons", "sources", "fit_columns")
    PACKAGE_FALLBACK = 'use gr.Gallery(type="filepath"), which needs neither numpy nor Pillow'
    EMPTY_NEEDS_NO_PACKAGES = True  # preprocess(None) is None: no upload, no numpy/Pillow needed

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",  # noqa: A002 - Gradio's parameter name
        file_types: list[str] | None = None,
        columns: int | list[int] | None = 2,
        rows: int | list[int] | None = None,
        height: int | float | str | None = None,
        allow_preview: bool = True,
        preview: bool | None = None,
        selected_index: int | None = None,
        object_fit: str | None = None,
        type: str = "filepath",  # noqa: A002
        sources: list[str] | str | None = None,
        fit_columns: bool = True,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise ValueError(f"Gallery type must be 'numpy', 'pil' or 'filepath', not {type!r}")
        self.format = format
        self.file_types = file_types
        self.columns = columns
        self.rows = rows
        self.height = height
        self.allow_preview = allow_preview
        self.preview = preview
        self.selected_index = selected_index
        self.object_fit = object_fit
        self.type = type
        offered = ("share", "download", "download_all", "fullscreen")
        self.buttons = corner_buttons(buttons, offered, offered, owner="Gallery")
        self.sources = [sources] if isinstance(sources, str) else list(sources or ["upload"])
        for source in self.sources:
            if source not in ("upload", "webcam", "clipboard"):
                raise ValueError(f"Gallery sources are 'upload', 'webcam' and 'clipboard', not {source!r}")
        self.fit_columns = fit_columns
        super().__init__(value, min_width=min_width, **kwargs)

    def needed_packages(self, role: str) -> list[str]:
        if role == "input":
            return {"numpy": ["numpy", "Pillow"], "pil": ["Pillow"]}.get(self.type, [])
        return []

    def value_packages(self, value: Any) -> list[str]:
        """Pillow when the returned value holds an array or PIL image to save; paths and URLs need nothing."""
        return pillow_for(value)

    def preprocess(self, payload: Any) -> list[tuple[Any, str | None]] | None:
        """[(path | array | PIL image, caption), …]; videos are always paths."""
        if payload is None:
            return None
        if not isinstance(payload, list):
            raise Error(f"{self.display_name()} expects a list of images")
        items = []
        for entry in payload:
            media = entry.get("image") or entry.get("video") if isinstance(entry, dict) else None
            path = uploaded_path(media, self.display_name(), self.file_types)
            if self.type != "filepath" and not _is_video(path):
                path = self._load_image(path)
            items.append((path, entry.get("caption")))
        return items

    def _load_image(self, path: str) -> Any:
        try:
            from PIL import Image as PILImage
        except ImportError as exc:
            raise missing_error("Pillow", self.display_name(), "not installed", self.PACKAGE_FALLBACK) from exc
        image = PILImage.open(path)
        if self.type == "pil":
            return image
        import numpy

        return numpy.asarray(image)

    def postprocess(self, value: Any) -> list[dict[str, Any]] | None:
        """Each item: a path, bytes, a FileData, a numpy array / PIL image, or (any of those, caption)."""
        if value is None:
            return None
        if not isinstance(value, (list, tuple)):
            raise Error(f"{self.display_name()} needs a list of images, got {type(value).__name__}")
        out = []
        for item in value:
            caption = None
            if isinstance(item, (tuple, list)) and len(item) == 2:
                item, caption = item
            if isinstance(item, dict) and ("image" in item or "video" in item):
                caption = item.get("caption", caption)
                item = item.get("image") or item.get("video")
            fd = self._file(item)
            out.append(
                {
                    "video" if _is_video(fd["path"]) else "image": fd,
                    "caption": None if caption is None else str(caption),
                }
            )
        return out

    def _file(self, item: Any) -> FileData:
        if isinstance(item, (str, os.PathLike, bytes, bytearray, dict)):
            return returned_file(item, self.display_name())
        try:
            from PIL import Image as PILImage
        except ImportError as exc:
            raise missing_error("Pillow", self.display_name(), "not installed", "return file paths") from exc
        image = item if hasattr(item, "save") else PILImage.fromarray(item)
        fmt = "png" if self.format in (None, "webp") else self.format
        path = os.path.join(cache_dir(), f"{uuid.uuid4().hex}.{fmt}")
        image.save(path)
        return file_data(path)

    def api_example(self) -> Any:
        return [{"image": {"path": "image.png", "meta": {"_type": "gradio.FileData"}}, "caption": None}]

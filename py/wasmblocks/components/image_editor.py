"""gr.ImageEditor and its templates (Sketchpad, Paint, ImageMask): draw on layers over a background image.

The page exports the background, each layer and the composite as PNG files into the worker when an event
needs them, so a function gets {"background", "layers", "composite"} as paths, numpy arrays or PIL images.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from typing import Any, ClassVar, TypedDict

from ..alerts import Error
from ..cache import cache_dir
from ..component import Component
from ..files import FILE_MARK, file_data, missing_file, uploaded_path
from ..packages import missing_error, pillow_for
from ..protocol import FileData, FileMeta
from .image_options import Brush, Eraser, LayerOptions, brush_props, eraser_props, layer_props, webcam_props

SOURCES = ("upload", "webcam", "clipboard")
TRANSFORMS = ("crop", "resize")
# Modes whose images keep transparency; for the others Gradio flattens the background and composite on white.
ALPHA_MODES = ("RGBA", "LA", "PA")
URL_PREFIXES = ("http://", "https://", "data:", "blob:")


class EditorData(TypedDict):
    """The editor's value as the page holds it (Gradio's EditorData); same as EditorValue in image_editor-model.ts."""

    background: FileData | None
    layers: list[FileData]
    composite: FileData | None


def _choices(value: Any, allowed: tuple[str, ...], what: str) -> list[str]:
    values = [value] if isinstance(value, str) else list(value or [])
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValueError(f"ImageEditor {what} must be a list of {', '.join(map(repr, allowed))}, not {bad[0]!r}")
    return values


def _canvas_size(value: Any) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in value)
    except (TypeError, ValueError):
        raise ValueError(f"canvas_size must be (width, height) in pixels, not {value!r}") from None
    if width <= 0 or height <= 0:
        raise ValueError(f"canvas_size must be positive, not {value!r}")
    return width, height


class ImageEditor(Component):
    """An image editor: background from upload/webcam/clipboard, brush and eraser on layers, crop and resize."""

    EVENTS: ClassVar[tuple[str, ...]] = ("clear", "change", "input", "select", "upload", "apply")
    PROPS: ClassVar[tuple[str, ...]] = (
        "height", "width", "sources", "buttons", "placeholder", "transforms", "canvas_size", "fixed_canvas",
        "_selectable",
    )
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "buttons": 'differs: "share" (a post to Hugging Face discussions) needs a server, so it draws no button',
    }
    PACKAGE_FALLBACK = 'use type="filepath", which needs neither numpy nor Pillow'
    EMPTY_NEEDS_NO_PACKAGES = True  # preprocess(None) is None: no upload, no numpy/Pillow needed

    def __init__(
        self,
        value: Any = None,
        *,
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str = "RGBA",
        sources: Iterable[str] | str | None = ("upload", "webcam", "clipboard"),
        type: str = "numpy",  # noqa: A002 - Gradio's parameter name
        label: str | None = None,
        every: float | None = None,
        inputs: Any = None,
        show_label: bool | None = None,
        buttons: list[str] | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        placeholder: str | None = None,
        _selectable: bool = False,
        transforms: Iterable[str] | None = ("crop", "resize"),
        eraser: Eraser | bool | None = None,
        brush: Brush | bool | None = None,
        format: str = "webp",  # noqa: A002
        layers: bool | LayerOptions = True,
        canvas_size: tuple[int, int] = (800, 800),
        fixed_canvas: bool = False,
        webcam_options: Any = None,
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise ValueError(f"ImageEditor type must be 'numpy', 'pil' or 'filepath', not {type!r}")
        self.type = type
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.sources = _choices(sources, SOURCES, "sources")
        self.buttons = None if buttons is None else _choices(buttons, ("download", "share", "fullscreen"), "buttons")
        self.placeholder = placeholder
        self._selectable = _selectable
        self.transforms = _choices(transforms, TRANSFORMS, "transforms")
        self.eraser = Eraser() if eraser is None else eraser
        self.brush = Brush() if brush is None else brush
        self.format = format
        self.layers = LayerOptions() if layers is True else LayerOptions(disabled=True) if layers is False else layers
        self.canvas_size = _canvas_size(canvas_size)
        self.fixed_canvas = fixed_canvas
        self.webcam_options = webcam_options
        self._page_view({"brush": self.brush, "eraser": self.eraser, "layers": self.layers})  # bad options fail here
        super().__init__(
            value, label=label, every=every, inputs=inputs, show_label=show_label, container=container, scale=scale,
            min_width=min_width, interactive=interactive, visible=visible, elem_id=elem_id, elem_classes=elem_classes,
            render=render, key=key, preserved_by_key=preserved_by_key,
        )

    @classmethod
    def get_block_name(cls) -> str:
        # Gradio's templates (Sketchpad, Paint, ImageMask) are drawn by their base's renderer.
        return "imageeditor"

    # ---- the page's view ----
    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props.update(brush=self.brush, eraser=self.eraser, layers=self.layers, webcam_options=self.webcam_options)
        return self._page_view(props)

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        return self._page_view(props)

    @staticmethod
    def _page_view(props: dict[str, Any]) -> dict[str, Any]:
        """Option objects as JSON; a template's explicit props (gr.Sketchpad(brush=…) returned) go through here too."""
        out = dict(props)
        if "brush" in out:
            out["brush"] = brush_props(Brush() if out["brush"] is None else out["brush"])
        if "eraser" in out:
            out["eraser"] = eraser_props(Eraser() if out["eraser"] is None else out["eraser"])
        if "layers" in out:
            out["layers"] = layer_props(out["layers"])
        if "webcam_options" in out:
            out["webcam_options"] = webcam_props(out["webcam_options"])
        if "canvas_size" in out:
            out["canvas_size"] = list(_canvas_size(out["canvas_size"]))
        for name, allowed in (("sources", SOURCES), ("transforms", TRANSFORMS)):
            if name in out:
                out[name] = _choices(out[name], allowed, name)
        return out

    # ---- values ----
    def needed_packages(self, role: str) -> list[str]:
        """Pyodide packages to load before this editor pre/postprocesses (processing.load_needed_packages)."""
        if role == "input":
            if self.type == "filepath":
                return [] if self.image_mode in ("RGBA", None) else ["Pillow"]
            return {"numpy": ["numpy", "Pillow"], "pil": ["Pillow"]}[self.type]
        return []  # an output's packages follow its value (value_packages)

    def value_packages(self, value: Any) -> list[str]:
        """Pillow when the returned value holds an array or PIL image to save; paths and URLs need nothing."""
        return pillow_for(value)

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        """The page's {"background", "layers", "composite"} files as paths, numpy arrays or PIL images."""
        if payload is None:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("layers", []), list):
            raise Error(f"{self.display_name()} expects the editor's images, got {type(payload).__name__}")
        if "id" in payload and not any(payload.get(k) for k in ("background", "layers", "composite")):
            raise Error(f"{self.display_name()}: the page sent no exported images (its canvas was not read)")
        return {
            "background": self._image(payload.get("background"), flatten=True),
            "layers": [self._image(layer) for layer in payload.get("layers") or [] if layer is not None],
            "composite": self._image(payload.get("composite"), flatten=True),
        }

    def _image(self, file: Any, flatten: bool = False) -> Any:
        if file is None:
            return None
        path = uploaded_path(file, self.display_name())
        if self.type == "filepath" and self.image_mode in ("RGBA", None):
            return path  # the page's PNGs are RGBA already: nothing to convert
        pil = _require("PIL.Image", "Pillow", self)
        image = pil.Image.open(path)
        if self.image_mode:
            # The canvas exports RGB 0 under alpha 0: dropping alpha without compositing would turn it black.
            has_alpha = "A" in image.getbands() or "transparency" in image.info
            if flatten and self.image_mode not in ALPHA_MODES and has_alpha:
                image = image.convert("RGBA")
                image = pil.Image.alpha_composite(pil.Image.new("RGBA", image.size, "white"), image)
            image = image.convert(self.image_mode)
        if self.type == "pil":
            return image
        if self.type == "numpy":
            return _require("numpy", "numpy", self).asarray(image)
        stem, _ = os.path.splitext(os.path.basename(path))
        return _save(image, stem, "png")

    def postprocess(self, value: Any) -> EditorData | None:
        """A dict of background/layers/composite images (paths, URLs, arrays, PIL images), or one image as both."""
        if value is None:
            return None
        if isinstance(value, dict) and not _is_file_data(value):
            unknown = set(value) - {"background", "layers", "composite", "id"}
            if unknown:
                raise Error(f"{self.display_name()}: unknown keys {sorted(unknown)}; use background, layers, composite")
            layers = value.get("layers") or []
            if not isinstance(layers, (list, tuple)):
                raise Error(f"{self.display_name()}: layers must be a list of images, not {type(layers).__name__}")
            saved = [self._saved(layer) for layer in layers if layer is not None]
            return {
                "background": self._saved(value.get("background")),
                "layers": [layer for layer in saved if layer is not None],
                "composite": self._saved(value.get("composite")),
            }
        if isinstance(value, (str, os.PathLike, dict)) or _is_picture(value):
            return {"background": self._saved(value), "layers": [], "composite": self._saved(value)}
        raise Error(f"The value of {self.display_name()} must be a dictionary of images or a single image, "
                    f"not {type(value).__name__}")

    def _saved(self, image: Any) -> FileData | None:
        """One returned image as FileData: a file, a URL the page loads itself, or an array/PIL image saved."""
        if image is None:
            return None
        if isinstance(image, dict) and isinstance(image.get("path"), str):
            image = image["url"] if image["path"].startswith(URL_PREFIXES[:2]) else image["path"]
        if isinstance(image, str) and image.startswith(URL_PREFIXES):
            name = image.rsplit("/", 1)[-1][:80] if image.startswith(URL_PREFIXES[:2]) else "image"
            return FileData(path=image, url=image, orig_name=name or "image", size=None, mime_type=None,
                            meta=FileMeta(_type="gradio.FileData"))
        if isinstance(image, (str, os.PathLike)):
            path = os.fspath(image)
            if not os.path.isfile(path):
                return missing_file(self.display_name(), path, "image")
            return file_data(os.path.abspath(path))
        if not _is_picture(image):
            who = self.display_name()
            raise Error(f"{who} cannot show a {type(image).__name__}; return a path, an array or a PIL image")
        pil = _require("PIL.Image", "Pillow", self)
        picture = image if hasattr(image, "save") else pil.Image.fromarray(image)
        return file_data(_save(picture, "image", self.format or "png"))


def _is_picture(value: Any) -> bool:
    """A PIL image or a numpy array, told apart without importing either."""
    return hasattr(value, "save") or hasattr(value, "__array_interface__")


def _is_file_data(value: dict[str, Any]) -> bool:
    meta = value.get("meta")
    return isinstance(value.get("path"), str) and (not isinstance(meta, dict) or meta.get("_type") == FILE_MARK)


def _require(module: str, package: str, editor: ImageEditor) -> Any:
    try:
        return __import__(module)  # "PIL.Image" imports the submodule and returns the PIL package
    except ImportError as exc:
        raise missing_error(package, editor.display_name(), "not installed", ImageEditor.PACKAGE_FALLBACK) from exc


def _save(image: Any, stem: str, fmt: str) -> str:
    """Save a PIL image into the cache; a format this Pillow cannot write (a build without WebP) falls back to PNG."""
    folder = os.path.join(cache_dir(), uuid.uuid4().hex[:12])
    os.makedirs(folder, exist_ok=True)
    try:
        path = os.path.join(folder, f"{stem}.{fmt.lower().lstrip('.')}")
        image.save(path)
    except (KeyError, OSError, ValueError):
        path = os.path.join(folder, f"{stem}.png")
        image.save(path)
    return path


# ---- Gradio's templates: an ImageEditor with other defaults ----
class Sketchpad(ImageEditor):
    """A blank canvas to draw on in black (no background sources)."""

    def __init__(
        self, value: Any = None, *, sources: Iterable[str] = (), transforms: Iterable[str] = ("crop",),
        brush: Brush | None = None, layers: LayerOptions | bool = True, **kwargs: Any,
    ) -> None:
        brush = brush or Brush(colors=["#000000"], color_mode="fixed")
        super().__init__(value, sources=sources, transforms=transforms, brush=brush, layers=layers, **kwargs)


class Paint(ImageEditor):
    """A blank canvas to paint on with the full palette (no background sources)."""

    def __init__(
        self, value: Any = None, *, sources: Iterable[str] = (), transforms: Iterable[str] = ("crop",),
        layers: LayerOptions | bool = True, **kwargs: Any,
    ) -> None:
        super().__init__(value, sources=sources, transforms=transforms, layers=layers, **kwargs)


class ImageMask(ImageEditor):
    """Draw a black mask over an uploaded image (one layer, no layers panel)."""

    def __init__(
        self, value: Any = None, *, transforms: Iterable[str] = ("crop",), brush: Brush | None = None,
        layers: LayerOptions | bool = False, **kwargs: Any,
    ) -> None:
        brush = brush or Brush(colors=["#000000"], color_mode="fixed")
        super().__init__(value, transforms=transforms, brush=brush, layers=layers, **kwargs)

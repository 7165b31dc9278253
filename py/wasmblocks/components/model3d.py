"""gr.Model3D: a 3-D model (glTF/GLB, OBJ, STL, PLY, Gaussian splats) shown in an orbit viewer; uploads
reach the function as a file path."""

from __future__ import annotations

import base64
import json
import mimetypes
import os
import urllib.parse
from typing import Any, ClassVar

from ..alerts import Error
from ..cache import save_bytes
from ..component import Component
from ..files import FILE_MARK, file_data, returned_file, uploaded_path
from ..protocol import FileData

# The formats the page's viewer reads (Gradio's upload filter lists the same, plus the OBJ MIME type).
MODEL_TYPES = [".stl", ".obj", ".gltf", ".glb", "model/obj", ".splat", ".ply"]
MODEL_EXTENSIONS = (".stl", ".obj", ".gltf", ".glb", ".splat", ".ply")
DISPLAY_MODES = ("solid", "point_cloud", "wireframe")


def _extension_ok(name: str) -> bool:
    return name.lower().split("?")[0].endswith(MODEL_EXTENSIONS)


def check_clear_color(value: Any) -> list[float]:
    """Gradio's clear_color: RGBA floats in 0..1 (None: fully transparent); RGB gets alpha 1."""
    if value is None:
        return [0.0, 0.0, 0.0, 0.0]
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) not in (3, 4):
        raise ValueError(f"clear_color must be (r, g, b, a) with values from 0 to 1, not {value!r}")
    channels = [float(c) if isinstance(c, (int, float)) and not isinstance(c, bool) else None for c in value]
    if any(c is None or not 0 <= c <= 1 for c in channels):
        raise ValueError(f"clear_color must be (r, g, b, a) with values from 0 to 1, not {value!r}")
    return [c for c in channels if c is not None] + ([1.0] if len(channels) == 3 else [])


def check_camera_position(value: Any) -> list[float | None]:
    """Gradio's camera_position: (alpha°, beta°, radius), each a number or None (None: the viewer's framing)."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != 3:
        raise ValueError(f"camera_position must be (alpha, beta, radius), each a number or None, not {value!r}")
    out: list[float | None] = []
    for part in value:
        if part is not None and (isinstance(part, bool) or not isinstance(part, (int, float))):
            raise ValueError(f"camera_position must be (alpha, beta, radius), each a number or None, not {value!r}")
        out.append(None if part is None else float(part))
    if out[2] is not None and out[2] <= 0:
        raise ValueError(f"camera_position's radius must be positive, not {out[2]}")
    return out


def check_speed(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError(f"{name} must be a positive number, not {value!r}")
    return float(value)


def custom_buttons(buttons: Any) -> list[dict[str, Any]]:
    """Gradio 6's buttons=[gr.Button(…)]: each leaves the layout and shows in the toolbar by its value."""
    from .button import Button

    if buttons is None:
        return []
    if not isinstance(buttons, (list, tuple)) or not all(isinstance(b, Button) for b in buttons):
        raise ValueError(f"Model3D buttons must be a list of gr.Button, not {buttons!r}")
    out = []
    for button in buttons:
        button.unrender()
        out.append({"id": button.id, "value": button.value})
    return out


_inlined: dict[tuple[str, float], str] = {}


def self_contained_gltf(path: str, who: str) -> str:
    """A .gltf whose buffers or textures are files beside it → a copy with them inlined as data: URIs.

    The page gets one file per value and there is no file server to resolve a .gltf's relative references
    (Gradio's server resolves them against its file route); a .gltf that needs nothing else is kept as it is.
    """
    key = (path, os.path.getmtime(path))
    if key in _inlined and os.path.isfile(_inlined[key]):
        return _inlined[key]
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
    except (OSError, ValueError) as exc:
        raise Error(f"{who}: {name} is not a glTF (JSON) file: {exc}") from exc
    refs = [item for kind in ("buffers", "images") for item in doc.get(kind) or []
            if isinstance(item, dict) and isinstance(item.get("uri"), str)
            and not item["uri"].startswith(("data:", "http://", "https://"))]
    if not refs:
        return path
    for item in refs:
        relative = urllib.parse.unquote(item["uri"])
        target = os.path.normpath(os.path.join(os.path.dirname(path), relative))
        if not os.path.isfile(target):
            raise Error(f"{who}: {name} refers to {relative}, which is not beside it")
        mime = mimetypes.guess_type(target)[0] or "application/octet-stream"
        with open(target, "rb") as handle:
            item["uri"] = f"data:{mime};base64,{base64.b64encode(handle.read()).decode('ascii')}"
    _inlined[key] = save_bytes(json.dumps(doc).encode("utf-8"), name)
    return _inlined[key]


class Model3D(Component):
    """A 3-D model viewer; the value is a model file (path or URL); the function gets a file path."""

    EVENTS = ("change", "upload", "edit", "clear")
    PROPS = ("display_mode", "clear_color", "camera_position", "zoom_speed", "pan_speed", "height", "buttons")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "value": "differs: an http(s) URL is fetched by the browser (the site must allow CORS) and reaches the "
                 "function as that URL, not as a downloaded copy",
    }

    def __init__(
        self,
        value: Any = None,
        *,
        display_mode: str | None = None,
        clear_color: tuple[float, float, float, float] | None = None,
        camera_position: tuple[float | None, float | None, float | None] = (None, None, None),
        zoom_speed: float = 1,
        pan_speed: float = 1,
        height: int | str | None = None,
        buttons: list[Any] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if display_mode is not None and display_mode not in DISPLAY_MODES:
            raise ValueError(f"display_mode must be one of {DISPLAY_MODES} or None, not {display_mode!r}")
        self.display_mode = display_mode
        self.clear_color = check_clear_color(clear_color)
        self.camera_position = check_camera_position(camera_position)
        self.zoom_speed = check_speed("zoom_speed", zoom_speed)
        self.pan_speed = check_speed("pan_speed", pan_speed)
        self.height = height
        self.buttons = custom_buttons(buttons)
        super().__init__(value, min_width=min_width, **kwargs)

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """A gr.Model3D(…) returned from a function is checked like the constructor's arguments."""
        checks = {
            "clear_color": check_clear_color,
            "camera_position": check_camera_position,
            "zoom_speed": lambda v: check_speed("zoom_speed", v),
            "pan_speed": lambda v: check_speed("pan_speed", v),
            "buttons": custom_buttons,
        }
        props = {**props}
        if props.get("display_mode") not in (None, *DISPLAY_MODES):
            raise Error(f"display_mode must be one of {DISPLAY_MODES} or None, not {props['display_mode']!r}")
        for name, check in checks.items():
            if name in props:
                try:
                    props[name] = check(props[name])
                except ValueError as exc:  # a bad update is the function's error: shown as a toast
                    raise Error(f"{self.display_name()}: {exc}") from exc
        return props

    def preprocess(self, payload: Any) -> str | None:
        """An uploaded model → its path in the worker (a model given by URL stays that URL)."""
        if payload is None:
            return None
        if isinstance(payload, dict) and str(payload.get("path", "")).startswith(("http://", "https://")):
            return str(payload["path"])
        return uploaded_path(payload, self.display_name(), MODEL_TYPES)

    def postprocess(self, value: Any) -> FileData | None:
        """A path (str / Path), an http(s) URL or a FileData → the FileData the viewer loads."""
        if value is None:
            return None
        if isinstance(value, (str, os.PathLike)) and str(value).startswith(("http://", "https://")):
            url = str(value)
            name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
            self._check_extension(name)
            # The page fetches it itself (as Gradio's client would); a site without CORS gets a clear error there.
            return FileData(path=url, url=url, orig_name=name, size=None, mime_type=None, meta={"_type": FILE_MARK})
        if isinstance(value, (bytes, bytearray, memoryview)):
            raise Error(f"{self.display_name()} needs a file path: save the model to a file with its extension")
        data = returned_file(value, self.display_name())
        self._check_extension(data["orig_name"] or data["path"])
        if data["path"].lower().endswith(".gltf"):
            inlined = self_contained_gltf(data["path"], self.display_name())
            if inlined != data["path"]:
                return file_data(inlined, data["orig_name"], "model/gltf+json")
        return data

    def _check_extension(self, name: str) -> None:
        if not _extension_ok(name):
            raise Error(f"{self.display_name()} shows .obj, .glb, .gltf, .stl, .ply or .splat files, not {name!r}")

    def api_example(self) -> Any:
        return {"path": os.path.join("examples", "model3d", "models", "cube.obj"), "meta": {"_type": "gradio.FileData"}}

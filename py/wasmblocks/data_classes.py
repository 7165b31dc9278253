"""gr.FileData and the other value shapes Gradio's data_classes names: a file as components pass it around.

A function may return a FileData (`gr.FileData(path="out.csv", orig_name="report.csv")`) wherever it may
return a path; components read it like the {"path", …} dict the page sends (files.returned_file).
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import asdict, dataclass, field
from typing import Any, NotRequired, TypedDict, cast

from .protocol import FileData as FileDataDict

FILE_MARK = "gradio.FileData"

__all__ = ["FileData", "FileDataDict", "GradioModel", "GradioRootModel", "ImageData", "MediaStreamChunk"]


def is_dataclass_type(cls: type) -> bool:
    return "__dataclass_fields__" in cls.__dict__


class GradioModel:
    """A value shape declared by annotations, as custom components write them (`class Point(GradioModel): x: int`).

    Gradio's are pydantic models; ours are dataclasses (pydantic is not in the worker), with the two methods
    components call: model_dump() and model_validate().
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__annotations__" in cls.__dict__ and not is_dataclass_type(cls):
            dataclass(cls)

    def model_dump(self) -> dict[str, Any]:
        fields: dict[str, Any] = asdict(cast(Any, self))
        return fields

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        if isinstance(data, cls):
            return data
        if not isinstance(data, dict):
            raise TypeError(f"{cls.__name__} takes a dict, not {type(data).__name__}")
        return cls(**data)


class GradioRootModel(GradioModel):
    """A model that is one value (`root`), e.g. a list of messages."""

    root: Any = None

    def model_dump(self) -> Any:
        return asdict(cast(Any, self))["root"]

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        return data if isinstance(data, cls) else cls(root=data)  # type: ignore[call-arg]


@dataclass
class FileData:
    """A file in the worker's file system: its path, and what the page shows for it."""

    path: str
    url: str | None = None
    size: int | None = None
    orig_name: str | None = None
    mime_type: str | None = None
    is_stream: bool = False
    meta: dict[str, Any] = field(default_factory=lambda: {"_type": FILE_MARK})

    def model_dump(self) -> dict[str, Any]:
        """The dict form (Gradio's models are pydantic; `model_dump()` is how apps read them)."""
        return asdict(self)

    @property
    def is_none(self) -> bool:
        return all(v is None for v in (self.path, self.url, self.size, self.orig_name, self.mime_type))

    @classmethod
    def from_path(cls, path: str) -> FileData:
        return cls(path=path, size=os.path.getsize(path), orig_name=os.path.basename(path),
                   mime_type=mimetypes.guess_type(path)[0])

    def _copy_to_dir(self, directory: str) -> FileData:
        """Gradio's helper for components that keep a file: a copy of it in `directory`."""
        import shutil

        os.makedirs(directory, exist_ok=True)
        target = os.path.join(directory, self.orig_name or os.path.basename(self.path))
        shutil.copy(self.path, target)
        return FileData(path=target, orig_name=self.orig_name, mime_type=self.mime_type, size=self.size)


@dataclass
class ImageData(FileData):
    """An image file (Gradio's Image and ImageEditor values)."""


class MediaStreamChunk(TypedDict):
    """One piece of streamed audio or video: its bytes, length in seconds, file extension."""

    data: bytes
    duration: float
    extension: str
    id: NotRequired[str]

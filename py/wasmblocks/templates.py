"""Gradio's templates: components with a few parameters preset (gr.TextArea is a Textbox with lines=7).

Each is drawn by its base's renderer (`is_template`, see Block.get_block_name) and takes every parameter its
base takes; only the presets differ, with Gradio's values (gradio/templates.py).
"""

from __future__ import annotations

from typing import Any

from .components.audio import Audio
from .components.dataframe import Dataframe
from .components.file import File
from .components.textbox import Textbox
from .components.video import Video


class TextArea(Textbox):
    """A Textbox seven lines tall that grows to twenty."""

    is_template = True

    def __init__(self, value: Any = None, *, lines: int = 7, max_lines: int = 20, **kwargs: Any) -> None:
        super().__init__(value, lines=lines, max_lines=max_lines, **kwargs)


class Files(File):
    """A File that takes several files at once."""

    is_template = True

    def __init__(self, value: Any = None, *, file_count: str = "multiple", **kwargs: Any) -> None:
        super().__init__(value, file_count=file_count, **kwargs)


class Microphone(Audio):
    """An Audio input that records from the microphone."""

    is_template = True

    def __init__(
        self, value: Any = None, *, sources: list[str] | str | None = None, format: str = "wav",  # noqa: A002
        **kwargs: Any,
    ) -> None:
        super().__init__(value, sources=["microphone"] if sources is None else sources, format=format, **kwargs)


class PlayableVideo(Video):
    """A Video whose files are asked for as MP4, the format every browser plays."""

    is_template = True

    def __init__(self, value: Any = None, *, format: str = "mp4", **kwargs: Any) -> None:  # noqa: A002
        super().__init__(value, format=format, **kwargs)


class Numpy(Dataframe):
    """A Dataframe whose function gets and returns a numpy array."""

    is_template = True

    def __init__(
        self, value: Any = None, *, row_count: int | tuple[int, str] = (1, "dynamic"), type: str = "numpy",  # noqa: A002
        **kwargs: Any,
    ) -> None:
        super().__init__(value, row_count=row_count, type=type, **kwargs)


class Matrix(Dataframe):
    """A Dataframe whose function gets and returns a list of rows."""

    is_template = True

    def __init__(
        self, value: Any = None, *, row_count: int | tuple[int, str] = (1, "dynamic"), type: str = "array",  # noqa: A002
        **kwargs: Any,
    ) -> None:
        super().__init__(value, row_count=row_count, type=type, **kwargs)


class List(Dataframe):
    """A one-column Dataframe whose function gets and returns a list of rows."""

    is_template = True

    def __init__(
        self, value: Any = None, *, row_count: int | tuple[int, str] = (1, "dynamic"),
        col_count: int | tuple[int, str] | None = 1, type: str = "array", **kwargs: Any,  # noqa: A002
    ) -> None:
        super().__init__(value, row_count=row_count, col_count=col_count, type=type, **kwargs)

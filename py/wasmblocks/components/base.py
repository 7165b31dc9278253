"""gradio.components.base: the bases custom components are written against (`class MyBox(Component)`).

Component and FormComponent are the package's own; StreamingInput/StreamingOutput mark components that
stream, with the methods Gradio asks of them.
"""

from __future__ import annotations

import abc
from typing import Any

from ..component import Component, FormComponent
from ..component_lookup import component
from .html import server

__all__ = ["Component", "FormComponent", "StreamingInput", "StreamingOutput", "component", "server"]


class StreamingInput(metaclass=abc.ABCMeta):
    """A component whose value can stream in (webcam, microphone): it says whether its settings allow that."""

    @classmethod
    @abc.abstractmethod
    def check_streamable(cls) -> None:
        """Raise a ValueError when the component cannot stream as configured."""


class StreamingOutput(metaclass=abc.ABCMeta):
    """A component whose value can stream out in chunks (audio, video)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.streaming: bool = False
        super().__init__(*args, **kwargs)

    @abc.abstractmethod
    async def stream_output(self, value: Any, output_id: str, first_chunk: bool) -> tuple[Any, Any]:
        """One chunk of `value` for the page, and the value to keep for the next call."""

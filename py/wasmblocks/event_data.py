"""gr.EventData and its kinds: what the page says about the event that fired, handed to annotated parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .data_classes import FileData


@dataclass
class EventData:
    """What the page says about the event that fired (injected into parameters annotated gr.EventData)."""

    target: Any
    _data: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        data = self.__dict__.get("_data") or {}
        if name in data:
            return data[name]
        raise AttributeError(name)


class IndexedEventData(EventData):
    """Event data that points at one item of a component: its index and value."""

    def __init__(self, target: Any, data: Any) -> None:
        # Gradio builds each kind from (target, data), the payload the page sent with the event.
        super().__init__(target, data if isinstance(data, dict) else {})

    @property
    def index(self) -> Any:
        return self._data.get("index")

    @property
    def value(self) -> Any:
        return self._data.get("value")


class SelectData(IndexedEventData):
    """Data of a `.select` event: index, value, selected."""

    @property
    def selected(self) -> bool:
        return bool(self._data.get("selected", True))


class KeyUpData(EventData):
    """Data of a Dropdown `.key_up` event: the key pressed and the text typed so far."""

    def __init__(self, target: Any, data: Any) -> None:
        # Gradio builds each kind from (target, data), the payload the page sent with the event.
        super().__init__(target, data if isinstance(data, dict) else {})

    @property
    def key(self) -> str:
        return str(self._data.get("key", ""))

    @property
    def input_value(self) -> str:
        return str(self._data.get("input_value", ""))


class CopyData(EventData):
    """Data of a `.copy` event: the text that was copied."""

    def __init__(self, target: Any, data: Any) -> None:
        # Gradio builds each kind from (target, data), the payload the page sent with the event.
        super().__init__(target, data if isinstance(data, dict) else {})

    @property
    def value(self) -> Any:
        return self._data.get("value")


class LikeData(IndexedEventData):
    """Data of a `.like` event: the message index and value, and liked (True/False, or the feedback option)."""

    @property
    def liked(self) -> Any:
        return self._data.get("liked", True)


class RetryData(IndexedEventData):
    """Data of a `.retry` event: the index and value of the message to retry from."""


class UndoData(RetryData):
    """Data of an `.undo` event: the index and value of the message to undo."""


class EditData(RetryData):
    """Data of an `.edit` event: index, the new value and the previous value."""

    @property
    def previous_value(self) -> Any:
        return self._data.get("previous_value")


class DeletedFileData(EventData):
    """Data of a File `.delete` event: the file the visitor removed, as a gr.FileData."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)

    @property
    def file(self) -> FileData:
        return _file_of(self._data)


class DownloadData(EventData):
    """Data of a `.download` event: the file the visitor downloaded, as a gr.FileData."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)

    @property
    def file(self) -> FileData:
        return _file_of(self._data)


def _file_of(data: dict[str, Any]) -> FileData:
    # A File's .delete sends the removed FileData itself (as Gradio's page does); .download names it.
    file = data.get("file") if isinstance(data.get("file"), dict) else data.get("value")
    if not isinstance(file, dict) and isinstance(data.get("path"), str):
        file = data
    if not isinstance(file, dict) or not isinstance(file.get("path"), str):
        raise AttributeError("this event carries no file")
    known = {k: file[k] for k in ("path", "url", "size", "orig_name", "mime_type", "is_stream", "meta") if k in file}
    return FileData(**known)

"""Event data of chat and table events: gr.LikeData, gr.RetryData, gr.UndoData, gr.EditData."""

from __future__ import annotations

from typing import Any

from ..events import IndexedEventData


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

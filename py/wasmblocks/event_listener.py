"""gradio.events.EventListener and Events: event names as custom components declare them
(`EVENTS = [Events.change, Events.submit, "my_event"]`).

An EventListener is the event's name (a str, so EVENTS lists of them or of plain names work alike) with
Gradio's settings for it kept as attributes; Block turns each name into a listener method (block.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal


class EventListener(str):
    """An event's name, plus the settings Gradio attaches to it."""

    def __new__(cls, event_name: str, *_args: Any, **_kwargs: Any) -> EventListener:
        return super().__new__(cls, event_name)

    def __init__(
        self,
        event_name: str,
        has_trigger: bool = True,
        config_data: Callable[..., dict[str, Any]] = dict,
        show_progress: Literal["full", "minimal", "hidden"] = "full",
        callback: Callable[..., Any] | None = None,
        trigger_after: int | None = None,
        trigger_only_on_success: bool = False,
        trigger_only_on_failure: bool = False,
        doc: str = "",
        connection: Literal["sse", "stream"] = "sse",
        event_specific_args: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.event_name = event_name
        self.has_trigger = has_trigger
        self.config_data = config_data
        self.show_progress = show_progress
        self.callback = callback
        self.trigger_after = trigger_after
        self.trigger_only_on_success = trigger_only_on_success
        self.trigger_only_on_failure = trigger_only_on_failure
        self.doc = doc
        self.connection = connection
        self.event_specific_args = event_specific_args or []


class EventListenerMethod:
    """A listener method bound to its block (`button.click`), as trigger lists name it: (block, event)."""

    def __init__(self, block: Any, event_name: str) -> None:
        self.block = block
        self.event_name = event_name


class Events:
    """Every event Gradio's components fire, by name."""

    change = EventListener("change")
    input = EventListener("input")
    click = EventListener("click")
    double_click = EventListener("double_click")
    submit = EventListener("submit")
    stop = EventListener("stop")
    edit = EventListener("edit")
    clear = EventListener("clear")
    play = EventListener("play")
    pause = EventListener("pause")
    end = EventListener("end")
    start_recording = EventListener("start_recording")
    pause_recording = EventListener("pause_recording")
    stop_recording = EventListener("stop_recording")
    focus = EventListener("focus")
    blur = EventListener("blur")
    upload = EventListener("upload")
    release = EventListener("release")
    select = EventListener("select")
    stream = EventListener("stream")
    like = EventListener("like")
    example_select = EventListener("example_select")
    option_select = EventListener("option_select")
    load = EventListener("load")
    key_up = EventListener("key_up")
    apply = EventListener("apply")
    delete = EventListener("delete")
    tick = EventListener("tick")
    undo = EventListener("undo")
    retry = EventListener("retry")
    expand = EventListener("expand")
    collapse = EventListener("collapse")
    download = EventListener("download")
    copy = EventListener("copy")

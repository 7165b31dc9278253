"""gr.Error, gr.Warning, gr.Info, gr.Success: toasts raised or shown from inside an event function."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from . import protocol


@dataclass
class EventContext:
    """The event a function is running for; alerts and progress report through it."""

    event_id: str
    dep_id: int
    emit: Callable[[protocol.WorkerMessage], None]
    stage: protocol.StatusStage = "pending"
    # Called just before the event's final status: the page session copies the States it used then.
    before_end: Callable[[], None] | None = None
    # launch(show_error=…): whether an exception's text reaches the page (a gr.Error's always does).
    show_error: bool = True


current_event: ContextVar[EventContext | None] = ContextVar("wasmblocks_event", default=None)


class Error(Exception):
    """Raise to stop the function and show an error toast (and run .failure listeners)."""

    def __init__(
        self,
        message: str = "Error raised.",
        duration: float | None = 10,
        visible: bool = True,
        title: str = "Error",
        print_exception: bool = True,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.duration = duration
        self.visible = visible
        self.title = title
        self.print_exception = print_exception


def _toast(level: protocol.ToastLevel, message: str, duration: float | None, title: str | None,
           visible: bool = True) -> None:
    if not visible:
        return
    ctx = current_event.get()
    if ctx is None:
        print(f"{level}: {message}", file=sys.stderr)
        return
    ctx.emit(protocol.toast_message(level, str(message), title=title, duration=duration, event_id=ctx.event_id))


def Warning(  # noqa: A001, N802 - Gradio's names
    message: str = "Warning issued.", duration: float | None = 10, visible: bool = True, title: str = "Warning"
) -> None:
    """Show a warning toast; the function keeps running."""
    _toast("warning", message, duration, title, visible)


def Info(  # noqa: N802
    message: str = "Info issued.", duration: float | None = 10, visible: bool = True, title: str = "Info"
) -> None:
    """Show an info toast; the function keeps running."""
    _toast("info", message, duration, title, visible)


def Success(  # noqa: N802
    message: str = "Success.", duration: float | None = 10, visible: bool = True, title: str = "Success"
) -> None:
    """Show a success toast; the function keeps running."""
    _toast("success", message, duration, title, visible)

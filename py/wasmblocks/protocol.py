"""Messages between the worker and the page. Same as web/src/protocol.ts; described in docs/protocol.md."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict


class FileData(TypedDict):
    """A file in the worker's file system, as components hand it to the page. Same as FileData in protocol.ts."""

    path: str
    url: str | None
    orig_name: str | None
    size: int | None
    mime_type: str | None


class FileRef(TypedDict):
    """Which buffer of an update message holds a file's bytes. Same as FileRef in protocol.ts."""

    path: str
    mime_type: str | None
    buffer: int


class Node(TypedDict):
    """One block of the tree. Same as Node in protocol.ts."""

    id: int
    type: str
    props: dict[str, Any]
    children: NotRequired[list[Node]]


class Dependency(TypedDict):
    """One event listener as the page sees it. Same as Dependency in protocol.ts."""

    id: int
    targets: list[tuple[int, str]]
    inputs: list[int]
    outputs: list[int]
    backend_fn: bool
    js: str | None
    trigger_after: int | None
    trigger_only_on_success: bool
    trigger_only_on_failure: bool
    cancels: list[int]
    trigger_mode: Literal["once", "multiple", "always_last"]
    show_progress: Literal["full", "minimal", "hidden"]
    queue: bool
    api_name: str | None
    scroll_to_output: bool
    show_progress_on: list[int] | None
    every: float | None
    types: dict[str, bool]


class ThemeVars(TypedDict):
    """CSS custom properties (without the leading --) for light and dark mode. Same as ThemeVars in protocol.ts."""

    light: dict[str, str]
    dark: dict[str, str]


class AppConfig(TypedDict):
    """The whole app. Same as AppConfig in protocol.ts."""

    title: str
    fill_height: bool
    fill_width: bool
    css: str | None
    theme: str | None
    # The theme's CSS variables (themes.Base.variables()), or None for the built-in default look.
    theme_vars: NotRequired[ThemeVars | None]
    js: NotRequired[str | None]
    head: NotRequired[str | None]
    version: str
    root: Node
    dependencies: list[Dependency]
    max_file_size: int | None


class Update(TypedDict):
    """A change to one component. Same as Update in protocol.ts."""

    id: int
    value: NotRequired[Any]
    props: NotRequired[dict[str, Any]]


# ---- page → worker ----
class InitMessage(TypedDict):
    type: Literal["init"]
    base_url: str
    session_hash: str
    url: str
    app: NotRequired[dict[str, Any]]


class EventMessage(TypedDict):
    type: Literal["event"]
    event_id: str
    dep_id: int
    trigger_id: int | None
    event_name: str
    data: list[Any]
    event_data: Any


class CancelMessage(TypedDict):
    type: Literal["cancel"]
    dep_ids: list[int]


class UploadMessage(TypedDict):
    type: Literal["upload"]
    upload_id: str
    files: list[dict[str, Any]]
    buffers: list[Any]


class UnloadMessage(TypedDict):
    type: Literal["unload"]


class RunMessage(TypedDict):
    """Replace the running app, keeping Python (handled by the worker's JS: web/src/worker/restart.ts)."""

    type: Literal["run"]
    app: dict[str, Any]


class WriteFileMessage(TypedDict):
    """Write one file into the app folder (the embed API's writeFile; handled by the worker's JS)."""

    type: Literal["write_file"]
    request_id: str
    path: str
    data: NotRequired[str]  # text; bytes come as buffers[0] instead
    buffers: NotRequired[list[Any]]


class InstallMessage(TypedDict):
    """Install requirements with micropip into the running Python (the embed API's install)."""

    type: Literal["install"]
    request_id: str
    requirements: list[str]


# ---- worker → page ----
class BootMessage(TypedDict):
    type: Literal["boot"]
    stage: Literal["downloading", "starting", "installing", "running"]
    detail: NotRequired[str]


class BootErrorMessage(TypedDict):
    type: Literal["boot_error"]
    message: str
    traceback: str
    file: NotRequired[str | None]
    line: NotRequired[int | None]


class TreeMessage(TypedDict):
    type: Literal["tree"]
    config: AppConfig
    files: NotRequired[list[FileRef]]  # initial values that are files (bytes in the transferred buffers)


class RenderMessage(TypedDict):
    """A @gr.render block's new children and the session dependencies that come and go with them."""

    type: Literal["render"]
    block_id: int
    node: Node
    dependencies: list[Dependency]
    removed_dependencies: list[int]


class StatusMessage(TypedDict):
    type: Literal["status"]
    event_id: str
    dep_id: int
    stage: Literal["queued", "pending", "streaming", "complete", "error", "cancelled"]
    message: NotRequired[str | None]
    position: NotRequired[int | None]
    progress: NotRequired[list[dict[str, Any]] | None]
    success: NotRequired[bool]


class UpdateMessage(TypedDict):
    type: Literal["update"]
    event_id: str
    dep_id: int
    updates: list[Update]
    files: NotRequired[list[FileRef]]


class ToastMessage(TypedDict):
    type: Literal["toast"]
    level: Literal["error", "warning", "info", "success"]
    message: str
    title: NotRequired[str | None]
    duration: NotRequired[float | None]
    event_id: NotRequired[str | None]


class UploadedMessage(TypedDict):
    type: Literal["uploaded"]
    upload_id: str
    files: NotRequired[list[FileData]]
    error: NotRequired[str]


class DoneMessage(TypedDict):
    """Reply to write_file / install: error is absent when it worked."""

    type: Literal["done"]
    request_id: str
    error: NotRequired[str]


class ErrorMessage(TypedDict):
    type: Literal["error"]
    message: str
    ref: NotRequired[str | None]


PAGE_MESSAGE_TYPES = ("init", "event", "cancel", "upload", "unload", "run", "write_file", "install")
WORKER_MESSAGE_TYPES = (
    "boot", "boot_error", "tree", "render", "status", "update", "toast", "uploaded", "error", "done",
)

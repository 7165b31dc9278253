"""Messages between the worker and the page. Same as web/src/protocol.ts; described in docs/protocol.md.

Each TypedDict names its twin in protocol.ts (tests/test_protocol.py compares their fields and types).
Every message Python sends is made by one of the constructors at the end, never as a dict literal.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

JSONValue = Any
TriggerMode = Literal["once", "multiple", "always_last"]
ShowProgress = Literal["full", "minimal", "hidden"]
ApiVisibility = Literal["public", "private", "undocumented"]
StatusStage = Literal["queued", "pending", "streaming", "complete", "error", "cancelled"]
ToastLevel = Literal["error", "warning", "info", "success"]
BootStage = Literal["downloading", "starting", "installing", "running"]


class InstallPlan(TypedDict):
    """An export's pinned requirements. Same as InstallPlan in protocol.ts."""

    pyodide: list[str]
    wheels: list[str]
    prefetch: NotRequired[list[str]]


class AppFiles(TypedDict):
    """An app's files, sent with `init` or `run`. Same as AppFiles in protocol.ts."""

    entrypoint: str
    files: dict[str, str | bytes]
    requirements: list[str]
    install: NotRequired[InstallPlan]


class FileMeta(TypedDict):
    """Marks a dict as a file (Gradio's wire format). FileData.meta in protocol.ts."""

    _type: Literal["gradio.FileData"]


class FileData(TypedDict):
    """A file in the worker's file system, as components hand it to the page. Same as FileData in protocol.ts."""

    path: str
    url: str | None
    orig_name: str | None
    size: int | None
    mime_type: str | None
    meta: FileMeta


class FileRef(TypedDict):
    """Which buffer of an update message holds a file's bytes. Same as FileRef in protocol.ts."""

    path: str
    mime_type: str | None
    buffer: int


class Node(TypedDict):
    """One block of the tree. Same as Node in protocol.ts."""

    id: int
    type: str
    props: dict[str, JSONValue]
    children: NotRequired[list[Node]]


class DependencyTypes(TypedDict):
    """What kind of function a dependency runs. Dependency.types in protocol.ts."""

    generator: bool
    cancel: bool


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
    trigger_mode: TriggerMode
    show_progress: ShowProgress
    queue: bool
    api_name: str | None
    # Gradio's api_visibility: "public" (in the API view), "undocumented" (callable, not listed), "private".
    api_visibility: ApiVisibility
    scroll_to_output: bool
    show_progress_on: list[int] | None
    every: float | None
    # Seconds; the worker cancels the event then, and the page ends a worker that cannot (docs/events.md).
    time_limit: float | None
    # Seconds between the frames a live webcam (or microphone) sends to its .stream() listener (Gradio's
    # stream_every); time_limit then ends the whole stream, counted from its first frame.
    stream_every: float
    types: DependencyTypes
    # Inputs sent as {value, ...props}: the function's parameter is annotated with a component class.
    component_prop_inputs: NotRequired[list[int]]


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
    # launch(auth=…): the page asks for a name and password (a login message) before it shows the app.
    auth_required: NotRequired[bool]
    auth_message: NotRequired[str | None]
    # launch(footer_links=…): which of "api", "gradio", "settings" the footer shows; absent = all of them.
    footer_links: NotRequired[list[str] | None]
    # launch(favicon_path=…): the page's icon, as a data: URL (the file is in the worker).
    favicon: NotRequired[str | None]
    # launch(stop_notice_after=…): seconds an event may run without a word before the page offers to stop it.
    stop_notice_after: float | None


class Update(TypedDict):
    """A change to one component. Same as Update in protocol.ts."""

    id: int
    value: NotRequired[JSONValue]
    props: NotRequired[dict[str, JSONValue]]


class ProgressUnit(TypedDict):
    """One bar of gr.Progress. Same as ProgressUnit in protocol.ts."""

    index: NotRequired[int | None]
    length: NotRequired[int | None]
    unit: NotRequired[str | None]
    progress: NotRequired[float | None]
    desc: NotRequired[str | None]


class UploadFile(TypedDict):
    """What the page says of one uploaded file (its bytes come as a buffer). UploadMessage.files in protocol.ts."""

    name: str
    type: str
    size: int


# ---- page → worker ----
class InitMessage(TypedDict):
    """Same as InitMessage in protocol.ts."""

    type: Literal["init"]
    base_url: str
    session_hash: str
    url: str
    languages: NotRequired[list[str]]  # navigator.languages, best first (gr.I18n)
    headers: NotRequired[dict[str, str]]  # the page's stand-ins for request headers (gr.Request.headers)
    app: NotRequired[AppFiles]


class EventMessage(TypedDict):
    """Same as EventMessage in protocol.ts."""

    type: Literal["event"]
    event_id: str
    dep_id: int
    trigger_id: int | None
    event_name: str
    data: list[JSONValue]
    event_data: JSONValue
    url: NotRequired[str]


class CancelMessage(TypedDict):
    """Same as CancelMessage in protocol.ts."""

    type: Literal["cancel"]
    dep_ids: list[int]


class UploadMessage(TypedDict):
    """Same as UploadMessage in protocol.ts; the buffers reach Python beside the JSON, not in it."""

    type: Literal["upload"]
    upload_id: str
    files: list[UploadFile]
    buffers: list[bytes]


class UnloadMessage(TypedDict):
    """Same as UnloadMessage in protocol.ts."""

    type: Literal["unload"]


class RunMessage(TypedDict):
    """Replace the running app, keeping Python (handled by the worker's JS: web/src/worker/restart.ts)."""

    type: Literal["run"]
    app: AppFiles


class WriteFileMessage(TypedDict):
    """Write one file into the app folder (the embed API's writeFile; handled by the worker's JS)."""

    type: Literal["write_file"]
    request_id: str
    path: str
    data: NotRequired[str]  # text; bytes come as buffers[0] instead
    buffers: NotRequired[list[bytes]]


class InstallMessage(TypedDict):
    """Install requirements with micropip into the running Python (the embed API's install)."""

    type: Literal["install"]
    request_id: str
    requirements: list[str]


class ServerCallMessage(TypedDict):
    """Same as ServerCallMessage in protocol.ts: gr.HTML's js_on_load called `server.<fn_name>(...args)`."""

    type: Literal["server_call"]
    call_id: str
    block_id: int
    fn_name: str
    args: list[JSONValue]


class LoginMessage(TypedDict):
    """Check a name and password against launch(auth=…), answered by a server_result.

    Same as LoginMessage in protocol.ts.
    """

    type: Literal["login"]
    call_id: str
    username: str
    password: str


class ViewApiMessage(TypedDict):
    """Same as ViewApiMessage in protocol.ts: the page's view_api() asks for the app's endpoints."""

    type: Literal["view_api"]
    request_id: str


class RestoredState(TypedDict):
    """One gr.State value for a fresh worker, as a `state` message carried it. RestoreMessage.states in protocol.ts."""

    id: int
    buffer: int


class RestoredProps(TypedDict):
    """Props the old worker's updates set on one component. RestoreMessage.props in protocol.ts."""

    id: int
    props: dict[str, JSONValue]


class RestoredFile(TypedDict):
    """A file a value refers to, to be written back at its path. RestoreMessage.files in protocol.ts."""

    path: str
    buffer: int


class RestoreMessage(TypedDict):
    """Give a fresh worker the session the page knows (after Stop ended the old one). Same as in protocol.ts."""

    type: Literal["restore"]
    states: list[RestoredState]
    props: list[RestoredProps]
    files: list[RestoredFile]
    buffers: list[bytes]


PageMessage = (
    InitMessage | EventMessage | CancelMessage | UploadMessage | UnloadMessage | RunMessage | WriteFileMessage
    | InstallMessage | ServerCallMessage | LoginMessage | ViewApiMessage | RestoreMessage
)


# ---- worker → page ----
class BootMessage(TypedDict):
    """Boot progress; sent by the worker's JS only. Same as BootMessage in protocol.ts."""

    type: Literal["boot"]
    stage: BootStage
    detail: NotRequired[str]


class BootErrorMessage(TypedDict):
    """Same as BootErrorMessage in protocol.ts."""

    type: Literal["boot_error"]
    message: str
    traceback: str
    file: NotRequired[str | None]
    line: NotRequired[int | None]


class TreeMessage(TypedDict):
    """Same as TreeMessage in protocol.ts; `buffers` is attached by the worker's JS (web/src/worker/bridge.ts)."""

    type: Literal["tree"]
    config: AppConfig
    files: NotRequired[list[FileRef]]  # initial values that are files (bytes in the transferred buffers)
    buffers: NotRequired[list[bytes]]


class RenderMessage(TypedDict):
    """A @gr.render block's new children and the session dependencies that come and go with them."""

    type: Literal["render"]
    block_id: int
    # The render event that ran the function: the page runs it again in a restarted worker.
    event_id: str
    node: Node
    dependencies: list[Dependency]
    removed_dependencies: list[int]
    # New children whose constructor left the value unset: they keep the value shown in their place.
    unset_values: list[int]


class StatusMessage(TypedDict):
    """Same as StatusMessage in protocol.ts."""

    type: Literal["status"]
    event_id: str
    dep_id: int
    stage: StatusStage
    message: NotRequired[str | None]
    position: NotRequired[int | None]
    progress: NotRequired[list[ProgressUnit] | None]
    success: NotRequired[bool]
    # validator= refused the inputs: the event ends and, as in Gradio, nothing chained to it runs.
    validation_failed: NotRequired[bool]


class UpdateMessage(TypedDict):
    """Same as UpdateMessage in protocol.ts; `buffers` is attached by the worker's JS (web/src/worker/bridge.ts)."""

    type: Literal["update"]
    event_id: str
    dep_id: int
    updates: list[Update]
    files: NotRequired[list[FileRef]]
    buffers: NotRequired[list[bytes]]


class ToastMessage(TypedDict):
    """Same as ToastMessage in protocol.ts."""

    type: Literal["toast"]
    level: ToastLevel
    message: str
    title: NotRequired[str | None]
    duration: NotRequired[float | None]
    event_id: NotRequired[str | None]


class UploadedMessage(TypedDict):
    """Same as UploadedMessage in protocol.ts."""

    type: Literal["uploaded"]
    upload_id: str
    files: NotRequired[list[FileData]]
    error: NotRequired[str]


class DoneMessage(TypedDict):
    """Reply to write_file / install, sent by the worker's JS only: error is absent when it worked."""

    type: Literal["done"]
    request_id: str
    error: NotRequired[str]


class StateCopy(TypedDict):
    """One gr.State value as a pickle (buffer: index into buffers), or why it cannot be kept. StateMessage.states."""

    id: int
    buffer: NotRequired[int]
    error: NotRequired[str]


class StateMessage(TypedDict):
    """The gr.State values an event used, copied to the page so a restarted worker can have them back."""

    type: Literal["state"]
    states: list[StateCopy]
    buffers: NotRequired[list[bytes]]


class ErrorMessage(TypedDict):
    """Same as ErrorMessage in protocol.ts."""

    type: Literal["error"]
    message: str
    ref: NotRequired[str | None]


class ServerResultMessage(TypedDict):
    """Same as ServerResultMessage in protocol.ts: a server function's (or a login's) JSON result, or `error`."""

    type: Literal["server_result"]
    call_id: str
    value: NotRequired[JSONValue]
    error: NotRequired[str]


class ApiInfoMessage(TypedDict):
    """Same as ApiInfoMessage in protocol.ts: the reply to view_api.

    `info` is gradio_client's view_api dict (api_info.py); `skipped` the ids of the inputs and outputs the
    API leaves out (gr.State, buttons), whose values the page supplies itself.
    """

    type: Literal["api_info"]
    request_id: str
    info: JSONValue
    skipped: list[int]


WorkerMessage = (
    BootMessage | BootErrorMessage | TreeMessage | RenderMessage | StatusMessage | UpdateMessage | ToastMessage
    | UploadedMessage | StateMessage | ErrorMessage | DoneMessage | ServerResultMessage | ApiInfoMessage
)

PAGE_MESSAGE_TYPES = (
    "init", "event", "cancel", "upload", "unload", "run", "write_file", "install", "server_call", "login",
    "view_api", "restore",
)
WORKER_MESSAGE_TYPES = (
    "boot", "boot_error", "tree", "render", "status", "update", "toast", "uploaded", "state", "error", "done",
    "server_result", "api_info",
)
# Sent by the worker's JS, never by Python: they have no constructor below.
JS_ONLY_MESSAGE_TYPES = ("boot", "done")


# ---- constructors: every message Python sends ----
def boot_error_message(message: str, traceback: str, file: str | None, line: int | None) -> BootErrorMessage:
    return {"type": "boot_error", "message": message, "traceback": traceback, "file": file, "line": line}


def tree_message(config: AppConfig) -> TreeMessage:
    return {"type": "tree", "config": config}


def render_message(
    block_id: int, event_id: str, node: Node, dependencies: list[Dependency], removed: list[int],
    unset_values: list[int] | None = None,
) -> RenderMessage:
    return {"type": "render", "block_id": block_id, "event_id": event_id, "node": node, "dependencies": dependencies,
            "removed_dependencies": removed, "unset_values": unset_values or []}


def status_message(
    event_id: str,
    dep_id: int,
    stage: StatusStage,
    *,
    message: str | None = None,
    position: int | None = None,
    progress: list[ProgressUnit] | None = None,
    success: bool | None = None,
    validation_failed: bool = False,
) -> StatusMessage:
    """A status; the optional fields are left out unless given."""
    status: StatusMessage = {"type": "status", "event_id": event_id, "dep_id": dep_id, "stage": stage}
    if message is not None:
        status["message"] = message
    if position is not None:
        status["position"] = position
    if progress is not None:
        status["progress"] = progress
    if success is not None:
        status["success"] = success
    if validation_failed:
        status["validation_failed"] = True
    return status


def update_message(event_id: str, dep_id: int, updates: list[Update]) -> UpdateMessage:
    return {"type": "update", "event_id": event_id, "dep_id": dep_id, "updates": updates}


def toast_message(
    level: ToastLevel, message: str, *, title: str | None, duration: float | None, event_id: str | None
) -> ToastMessage:
    return {"type": "toast", "level": level, "message": message, "title": title, "duration": duration,
            "event_id": event_id}


def uploaded_message(upload_id: str, files: list[FileData]) -> UploadedMessage:
    return {"type": "uploaded", "upload_id": upload_id, "files": files}


def upload_refused_message(upload_id: str, error: str) -> UploadedMessage:
    return {"type": "uploaded", "upload_id": upload_id, "error": error}


def server_result_message(call_id: str, value: JSONValue = None, error: str | None = None) -> ServerResultMessage:
    """The reply to a server_call or login: `error` when the function raised, else its value."""
    if error is not None:
        return {"type": "server_result", "call_id": call_id, "error": error}
    return {"type": "server_result", "call_id": call_id, "value": value}


def api_info_message(request_id: str, info: JSONValue, skipped: list[int]) -> ApiInfoMessage:
    return {"type": "api_info", "request_id": request_id, "info": info, "skipped": skipped}


def state_message(states: list[StateCopy]) -> StateMessage:
    return {"type": "state", "states": states}


def error_message(message: str, ref: str | None = None) -> ErrorMessage:
    """A page message the worker could not accept; `ref` is the event_id/upload_id it answers."""
    return {"type": "error", "message": message, "ref": ref}


# ---- page → worker, for Python that plays the page (wasmblocks.client) ----
def init_message(
    session_hash: str, url: str = "", base_url: str = "", languages: list[str] | None = None,
) -> InitMessage:
    message: InitMessage = {"type": "init", "base_url": base_url, "session_hash": session_hash, "url": url}
    if languages is not None:
        message["languages"] = languages
    return message


def event_message(
    event_id: str, dep_id: int, data: list[JSONValue], *, trigger_id: int | None = None, event_name: str = "click",
    event_data: JSONValue = None,
) -> EventMessage:
    return {"type": "event", "event_id": event_id, "dep_id": dep_id, "trigger_id": trigger_id,
            "event_name": event_name, "data": data, "event_data": event_data}


def cancel_message(dep_ids: list[int]) -> CancelMessage:
    return {"type": "cancel", "dep_ids": dep_ids}


def unload_message() -> UnloadMessage:
    return {"type": "unload"}


def view_api_message(request_id: str) -> ViewApiMessage:
    return {"type": "view_api", "request_id": request_id}


def server_call_message(call_id: str, block_id: int, fn_name: str, args: list[JSONValue]) -> ServerCallMessage:
    return {"type": "server_call", "call_id": call_id, "block_id": block_id, "fn_name": fn_name, "args": args}


def login_message(call_id: str, username: str, password: str) -> LoginMessage:
    return {"type": "login", "call_id": call_id, "username": username, "password": password}

"""One page session: its gr.State values, its URL, and its temp dir for uploads and returned files."""

from __future__ import annotations

import copy
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple
from urllib.parse import parse_qs, urlsplit


@dataclass
class Session:
    """State of one page; the worker serves one, the CPython client may hold several."""

    hash: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    url: str = ""
    state: dict[int, Any] = field(default_factory=dict)
    # What @gr.render functions created in this session (render.SessionRenders), made on first render.
    renders: Any = None
    # Props changed by updates, per block id: preprocess/postprocess see them (e.g. new Dropdown choices).
    props: dict[int, dict[str, Any]] = field(default_factory=dict)
    # Who logged in through launch(auth=…)'s login page (gr.Request.username), None before or without one.
    username: str | None = None
    # The browser's preferred languages (navigator.languages, from the init message), best first: gr.I18n.
    languages: list[str] = field(default_factory=list)
    # The page's stand-ins for request headers (the init message's `headers`): user-agent, host, origin, …
    headers: dict[str, str] = field(default_factory=dict)
    # The change token (deep hash) the page last got for each gr.State with a .change listener.
    state_tokens: dict[int, str | None] = field(default_factory=dict)
    _tmp_dir: str | None = None

    def get_state(self, block: Any) -> Any:
        """The session's value of a gr.State, deep-copied from its initial value on first use."""
        if block.id not in self.state:
            self.state[block.id] = copy.deepcopy(block.value)
        return self.state[block.id]

    def page_headers(self) -> dict[str, str]:
        """gr.Request.headers: what the page sent, and accept-language from its languages when it sent none."""
        headers = {k.lower(): v for k, v in self.headers.items()}
        if self.languages and "accept-language" not in headers:
            headers["accept-language"] = ",".join(self.languages)
        return headers

    def set_state(self, block: Any, value: Any) -> None:
        self.state[block.id] = value

    def remember_props(self, block: Any, props: dict[str, Any]) -> None:
        """Keep the props an update set, so this session's later pre/postprocessing uses them."""
        known = {k: v for k, v in props.items() if hasattr(block, k)}
        if known:
            self.props.setdefault(block.id, {}).update(known)

    def configured(self, block: Any) -> Any:
        """`block` as this session sees it: a shallow copy with its updated props (Gradio keeps them per session)."""
        changed = self.props.get(block.id)
        if not changed:
            return block
        view = copy.copy(block)
        for name, value in changed.items():
            setattr(view, name, value)
        return view

    @property
    def tmp_dir(self) -> str:
        """A directory of this session's own, made on first use."""
        if self._tmp_dir is None:
            self._tmp_dir = tempfile.mkdtemp(prefix=f"wasmblocks-{self.hash}-")
        return self._tmp_dir

    def new_upload_dir(self) -> str:
        path = os.path.join(self.tmp_dir, uuid.uuid4().hex[:8])
        os.makedirs(path, exist_ok=True)
        return path


class Address(NamedTuple):
    """gr.Request.client, as Starlette's: the visitor's host and port."""

    host: str
    port: int


# The app runs in the visitor's own browser, so its client is always on this machine (no socket: port 0).
# Apps key rate limits and logs on request.client.host (Gradio's rate_limit demo); it must not be None.
LOCAL_CLIENT = Address("127.0.0.1", 0)


class Headers(dict[str, str]):
    """Request headers by lower-case name, read case-insensitively as Starlette's (request.headers["User-Agent"])."""

    def __init__(self, items: Any = ()) -> None:
        super().__init__({str(k).lower(): str(v) for k, v in dict(items).items()})

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


class Request:
    """What Gradio's gr.Request offers that makes sense without a server: the session and the page URL.

    Gradio's (request, username, session_hash, **kwargs) is kept: a given request object is read for what is
    not set here, then the keyword arguments (Gradio's queue rebuilds requests that way); the engine passes
    the page session instead.
    """

    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "request": "differs: no HTTP request reaches the worker; `headers` holds what the page knows of its own"
                   " (user-agent, accept-language, host, origin, referer), `client` is 127.0.0.1",
    }

    def __init__(
        self, request: Any = None, username: str | None = None, session_hash: str | None = None, *,
        _session: Session | None = None, **kwargs: Any,
    ) -> None:
        self.request = request
        self.kwargs = kwargs
        self._session = _session  # for engine internals (gr.render runs in the session)
        if _session is not None:
            session_hash = session_hash or _session.hash
            username = username or _session.username
            self.url = _session.url
            self.headers = Headers(_session.page_headers())
            self.client = LOCAL_CLIENT
            self.query_params = {k: v[-1] for k, v in parse_qs(urlsplit(self.url).query).items()}
        self.session_hash = session_hash
        self.username = username

    def __getattr__(self, name: str) -> Any:
        # Only reached for what __init__ did not set (Gradio's order: the wrapped request, then the kwargs).
        if name.startswith("__"):
            raise AttributeError(name)
        request = self.__dict__.get("request")
        if request is not None:
            return getattr(request, name)
        kwargs = self.__dict__.get("kwargs", {})
        if name in kwargs:
            return Headers(kwargs[name]) if name == "headers" and isinstance(kwargs[name], dict) else kwargs[name]
        if name in _EMPTY_REQUEST:
            return _EMPTY_REQUEST[name]()
        raise AttributeError(f"'Request' object has no attribute {name!r}")

    def __repr__(self) -> str:
        return f"Request(session_hash={self.session_hash!r}, url={self.url!r})"


# What a Request made with nothing reads as (Gradio's raises AttributeError; apps that test it outside an
# event still get something to print).
_EMPTY_REQUEST: dict[str, Any] = {
    "url": str, "headers": Headers, "query_params": dict, "client": lambda: LOCAL_CLIENT,
}


class Header(str):
    """A parameter annotated gr.Header gets the request header of its name (x_api_token: x-api-token), or None.

    In the browser these are the page's stand-ins (Session.page_headers): user-agent, accept-language, host,
    origin and referer."""

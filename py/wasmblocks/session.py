"""One page session: its gr.State values, its URL, and its temp dir for uploads and returned files."""

from __future__ import annotations

import copy
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from typing import Any, NamedTuple
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
    # The change token (deep hash) the page last got for each gr.State with a .change listener.
    state_tokens: dict[int, str | None] = field(default_factory=dict)
    _tmp_dir: str | None = None

    def get_state(self, block: Any) -> Any:
        """The session's value of a gr.State, deep-copied from its initial value on first use."""
        if block.id not in self.state:
            self.state[block.id] = copy.deepcopy(block.value)
        return self.state[block.id]

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


class Request:
    """What Gradio's gr.Request offers that makes sense without a server: the session and the page URL."""

    def __init__(self, session: Session | None = None) -> None:
        self.session_hash = session.hash if session else None
        self._session = session  # for engine internals (gr.render runs in the session)
        self.url = session.url if session else ""
        parts = urlsplit(self.url)
        self.query_params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        # No HTTP request reaches the worker; the one header the page tells us is its languages.
        self.headers: dict[str, str] = (
            {"accept-language": ",".join(session.languages)} if session and session.languages else {})
        self.client = LOCAL_CLIENT
        self.username = session.username if session else None

    def __repr__(self) -> str:
        return f"Request(session_hash={self.session_hash!r}, url={self.url!r})"


class Header(str):
    """A parameter annotated gr.Header gets the request header of its name (x_api_token: x-api-token), or None.

    In the browser the only header there is is `accept-language` (the page's languages)."""

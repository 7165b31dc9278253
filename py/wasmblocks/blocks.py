"""`gr.Blocks`: the root of an app — its layout, its dependencies, and the config sent to the page."""

from __future__ import annotations

import hmac
import os
import typing
import warnings
from collections.abc import Callable, Sequence
from contextvars import Token
from pathlib import Path
from typing import Any, ClassVar, Literal, Self
from urllib.parse import urlsplit

from . import runtime
from .block import Block, BlockContext
from .block_function import BlockFunction
from .component import Component
from .context import Context, current_block, current_root, enter_root, reset_root
from .files import parse_file_size
from .i18n import I18n
from .launch_options import LAUNCH_NOTES, favicon_url, with_files
from .launch_options import footer_links as launch_footer_links
from .listeners import DECORATOR, allocate_ids, dependency_table, listen
from .types import AppRoot, PythonCaller

VERSION = "0.1.0"
# Seconds an event may run with no output before the page shows its Stop notice (launch(stop_notice_after=…)).
DEFAULT_STOP_NOTICE_AFTER = 5.0
# What Gradio 6 takes in launch() and still accepts, deprecated, in Blocks().
MOVED_TO_LAUNCH = ("theme", "css", "css_paths", "js", "head", "head_paths")


class LaunchResult(tuple[Any, ...]):
    """What launch() returns: a tuple that, like Gradio's, prints nothing when a notebook shows it."""

    def __repr__(self) -> str:
        return ""


class Blocks(BlockContext):
    """`with gr.Blocks() as demo:` — everything created inside belongs to `demo`."""

    # How `demo(…)` reaches a page session: wasmblocks.client sets it, as the tree cannot import above itself.
    python_caller: ClassVar[Callable[[Blocks], PythonCaller] | None] = None
    # What launch() does beyond marking the app: wasmblocks.pyscript_entry sets it (shows it on a PyScript page).
    page_launcher: ClassVar[Callable[[Blocks, dict[str, Any]], None] | None] = None
    # launch(i18n=…): the translations the page session applies; launch() sets local_url (Gradio's too).
    i18n: I18n | None = None
    local_url: str | None = None
    share_url: str | None = None
    # launch(favicon_path=…) as a data: URL for the page; launch(footer_links=…), None until launch().
    favicon: str | None = None
    footer_links: list[str] | None = None

    # How a parameter behaves in the browser, for docs/compatibility.md (wasmblocks_build/compat_doc.py).
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "analytics_enabled": "no effect: there is no server, and the page sends no analytics",
        **LAUNCH_NOTES,
    }

    def __init__(
        self,
        analytics_enabled: bool | None = None,
        mode: str = "blocks",
        title: str = "Gradio",
        fill_height: bool = False,
        fill_width: bool = False,
        delete_cache: tuple[int, int] | None = None,
        **kwargs: Any,
    ) -> None:
        # Gradio 6 moved these to launch(); Blocks(css=…) still works there, with a warning, and launch()
        # uses them when it is not given its own.
        moved = {name: kwargs.pop(name) for name in MOVED_TO_LAUNCH if name in kwargs}
        given = [name for name, value in moved.items() if value is not None]
        if given:
            warnings.warn(
                "These parameters moved from the Blocks constructor to launch() in Gradio 6.0: "
                f"{', '.join(given)}. Pass them to launch() instead.", UserWarning, stacklevel=2)
        self.title = title
        self.theme = moved.get("theme")
        # Analytics are accepted for compatibility and never sent anywhere: there is no server.
        self.analytics_enabled = False
        self.mode = mode
        self.css: str | None = moved.get("css")
        self.css_paths: Any = moved.get("css_paths")
        self.js: str | None = moved.get("js")
        self.head: str | None = moved.get("head")
        self.head_paths: Any = moved.get("head_paths")
        self.fill_height = fill_height
        self.fill_width = fill_width
        self.delete_cache = delete_cache
        # Gradio sets this from launch(max_file_size=…); the page checks uploads against it (bytes).
        self.max_file_size: int | None = None
        self.stop_notice_after: float | None = DEFAULT_STOP_NOTICE_AFTER
        # Gradio's Blocks shows errors until launch() says otherwise (launch(show_error=False) is its default).
        self.show_error = True
        self.favicon_path: str | None = None
        self.height: int | None = None
        self.width: int | str | None = None
        self.fns: dict[int, BlockFunction] = {}
        self.unload_fns: list[Callable[[], Any]] = []
        self.default_concurrency_limit: int | None = 1
        self.max_size: int | None = None
        self.launched = False
        # launch(auth=…): {username: password}, or a function (username, password) -> bool; auth_message for the form.
        self.auth: dict[str, str] | Callable[[str, str], Any] | None = None
        self.auth_message: str | None = None
        self._client: PythonCaller | None = None
        # elem_id, elem_classes, visible, key, preserved_by_key: a Blocks rendered into another one is a block there.
        super().__init__(render=False, **kwargs)
        self.root = self
        self._root_token: Token[AppRoot | None] | None = None

    @classmethod
    def get_block_name(cls) -> str:
        return "blocks"

    def __enter__(self) -> Self:
        outer = current_root()
        self._root_token = None
        if outer is None:
            self._root_token = enter_root(self)
            Context.created_roots.append(self)
        else:
            # A Blocks inside another one renders into it (e.g. Interface.render()).
            self.root = outer
            self.fns = outer.fns
            parent = current_block()
            if parent is not None:
                parent.add_child(self)
        super().__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        super().__exit__(*exc)
        if self._root_token is not None:
            reset_root(self._root_token)
            self._root_token = None
            self._attach_value_functions()

    def _attach_value_functions(self) -> None:
        """A component whose value is a function with inputs= or every= is filled by a load listener."""
        for block in list(self.blocks().values()):
            if not isinstance(block, Component) or block.load_fn is None:
                continue
            if block.load_inputs is None and not block.every:
                continue
            # As Gradio's attach_load_event: recomputed at load, when an input changes, and on every tick
            # of a gr.Timer passed as every= (a number of seconds runs on the page's own interval).
            inputs = block.load_inputs
            inputs = [] if inputs is None else list(inputs) if isinstance(inputs, (list, tuple, set)) else [inputs]
            triggers: list[tuple[Any, str]] = [(i, "change") for i in inputs if "change" in type(i).EVENTS]
            every = block.every
            if isinstance(every, Block):
                triggers.append((every, "tick"))
                every = None
            listen(self, [*triggers, (self, "load")], block.load_fn, block.load_inputs, block, every=every,
                   show_progress="hidden", api_name=False, queue=False)

    # ---- Gradio's app-level API ----
    def queue(
        self,
        status_update_rate: Any = "auto",
        api_open: bool | None = None,
        max_size: int | None = None,
        *,
        default_concurrency_limit: int | str | None = "not_set",
        **_ignored: Any,
    ) -> Blocks:
        """Configure the event queue (the queue is always on; this sets its limits)."""
        if default_concurrency_limit != "not_set":
            self.default_concurrency_limit = default_concurrency_limit  # type: ignore[assignment]
        self.max_size = max_size
        return self

    def launch(
        self,
        inline: bool | None = None,
        inbrowser: bool = False,
        share: bool | None = None,
        debug: bool = False,
        max_threads: int = 40,
        auth: Callable[[str, str], bool] | tuple[str, str] | list[tuple[str, str]] | None = None,
        auth_message: str | None = None,
        prevent_thread_lock: bool = False,
        show_error: bool = False,
        server_name: str | None = None,
        server_port: int | None = None,
        *,
        height: int = 500,
        width: int | str = "100%",
        favicon_path: str | Path | None = None,
        ssl_keyfile: str | None = None,
        ssl_certfile: str | None = None,
        ssl_keyfile_password: str | None = None,
        ssl_verify: bool = True,
        quiet: bool = False,
        footer_links: list[str] | None = None,
        run_history: bool | None = None,
        allowed_paths: list[str] | None = None,
        blocked_paths: list[str] | None = None,
        root_path: str | None = None,
        app_kwargs: dict[str, Any] | None = None,
        state_session_capacity: int = 10000,
        share_server_address: str | None = None,
        share_server_protocol: str | None = None,
        share_server_tls_certificate: str | None = None,
        auth_dependency: Callable[..., Any] | None = None,
        max_file_size: str | int | None = None,
        enable_monitoring: bool | None = None,
        strict_cors: bool = True,
        node_server_name: str | None = None,
        node_port: int | None = None,
        ssr_mode: bool | None = None,
        pwa: bool | None = None,
        mcp_server: bool | None = None,
        num_workers: int | None = None,
        i18n: I18n | None = None,
        theme: Any = None,
        css: str | None = None,
        css_paths: str | Path | Sequence[str | Path] | None = None,
        js: str | None = None,
        head: str | None = None,
        head_paths: str | Path | Sequence[str | Path] | None = None,
        target: str | None = None,
        stop_notice_after: float | str | None = "not_set",
    ) -> LaunchResult:
        """No server to start in the browser: mark this Blocks as the app to show, with these settings.

        Returns Gradio's (app, local_url, share_url) triple: the Blocks itself (there is no server app),
        the site's address, and None (no share link). What only a server does is accepted and has no effect
        (Blocks.BROWSER_NOTES says why, per parameter). Beyond Gradio: under PyScript it also shows the app on
        the page, in the element `target=` names (docs/pyscript.md); stop_notice_after= is the seconds a quiet
        event runs before the page offers to stop it (None: never).
        """
        if auth is not None and auth_dependency is not None:
            raise ValueError("launch() takes auth or auth_dependency, not both")
        if i18n is not None and not isinstance(i18n, I18n):
            raise TypeError(f"launch(i18n=…) takes a gr.I18n, not {type(i18n).__name__}")
        # As Gradio: a launch() setting wins; else the deprecated Blocks(css=…) one stays.
        self.theme = theme if theme is not None else self.theme
        self.css = with_files(css if css is not None else self.css,
                              css_paths if css_paths is not None else self.css_paths, "css_paths")
        self.head = with_files(head if head is not None else self.head,
                               head_paths if head_paths is not None else self.head_paths, "head_paths")
        self.css_paths = self.head_paths = None  # read once: a second launch() does not append them again
        self.js = js if js is not None else self.js
        self.favicon_path = os.fspath(favicon_path) if favicon_path is not None else None
        self.favicon = favicon_url(favicon_path)
        self.footer_links = launch_footer_links(footer_links)
        self.max_file_size = parse_file_size(max_file_size)
        self.auth = auth_table(auth) if auth is not None else None
        self.auth_message = auth_message
        self.show_error = show_error
        self.height, self.width = height, width
        if i18n is not None:
            self.i18n = i18n
        if stop_notice_after != "not_set":
            self.stop_notice_after = _seconds_or_none("stop_notice_after", stop_notice_after)
        self.launched = True
        Context.launched = self
        self.local_url = runtime.site_url()
        if Blocks.page_launcher is not None:
            Blocks.page_launcher(self, {"target": target})
        return LaunchResult((self, self.local_url, None))

    @property
    def server_port(self) -> int | None:
        """The port the site is served on (Gradio: its server's port); None before launch() or outside a browser."""
        if not self.local_url:
            return None
        parts = urlsplit(self.local_url)
        return parts.port or (443 if parts.scheme == "https" else 80)

    def check_auth(self, username: str, password: str) -> bool:
        """Whether launch(auth=…) accepts this name and password (Gradio's login route, run in the worker)."""
        if self.auth is None:
            return True
        if callable(self.auth):
            return bool(self.auth(username, password))
        expected = self.auth.get(username)
        return expected is not None and hmac.compare_digest(expected.encode(), password.encode())

    def route(self, name: str, path: str | None = None, show_in_navbar: bool = True) -> Any:
        """`with demo.route("Second page"):` — a page of its own, in the navbar, at #/second-page."""
        from .layouts.route import Route

        return Route(self, name, path, show_in_navbar)

    def clear(self) -> Self:
        """Forget the layout and listeners defined so far (`with demo.clear():` starts it again)."""
        for child in list(self.children):
            child.parent = None
        self.children = []
        self.fns.clear()
        return self

    def close(self, *args: Any, **kwargs: Any) -> None:
        """Nothing to close: kept so code written for Gradio runs."""

    def load(self, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None,
             api_name: str | Literal[False] | None = None, **kwargs: Any) -> Any:
        """Run fn when the page loads; inside `with demo.route(…)`, each time that page opens (as Gradio does).

        A Blocks inside another one listens to the outer app's load (the page's app fires it).
        """
        from .layouts.route import open_route

        root = self.root
        page = open_route()
        target: Block = page if page is not None and page.app in (self, root) else root
        return listen(self, [(target, "load")], fn, inputs, outputs, api_name, **kwargs)

    def unload(self, fn: Callable[[], Any]) -> None:
        """Run fn when the page goes away (it gets no inputs and its outputs are not shown)."""
        self.unload_fns.append(fn)

    def render(self) -> Self:
        """Place a Blocks defined elsewhere (e.g. an Interface) into the Blocks being defined."""
        outer = current_root()
        if outer is not None and outer is not self:
            parent = current_block()
            if parent is not None:
                parent.add_child(self)
            # Move this app's listeners into the outer app, renumbered; chains and cancels follow.
            moved = list(self.fns.values())
            table = dependency_table(outer)
            new_ids = dict(zip((fn.id for fn in moved), allocate_ids(table, len(moved)), strict=True))
            for fn in moved:
                fn.id = new_ids[fn.id]
                if fn.trigger_after is not None:
                    fn.trigger_after = new_ids.get(fn.trigger_after, fn.trigger_after)
                fn.cancels = [new_ids.get(c, c) for c in fn.cancels]
                # As in Gradio: what this Blocks triggered (its load) the outer app now triggers.
                fn.targets = [(outer.id, event) if target == self.id else (target, event)
                              for target, event in fn.targets]
                table[fn.id] = fn
            self.fns = outer.fns
            self.root = outer
        return self

    def __call__(self, *inputs: Any, api_name: str | None = None, fn_index: int | None = None) -> Any:
        """Run an event from Python, as the page would (one session per Blocks): `demo("x", api_name="/greet")`."""
        if self._client is None:
            if Blocks.python_caller is None:
                raise RuntimeError("demo(…) needs wasmblocks.client, which `import wasmblocks` loads")
            self._client = Blocks.python_caller(self)
        return self._client.predict(*inputs, api_name=api_name, fn_index=fn_index)

    # ---- what the page gets ----
    def blocks(self) -> dict[int, Block]:
        """Every block of the tree by id (the root included)."""
        found: dict[int, Block] = {}

        def walk(block: Block) -> None:
            found[block.id] = block
            for child in getattr(block, "children", []):
                walk(child)

        walk(self)
        for fn in self.fns.values():
            for block in (*fn.inputs, *fn.outputs):
                found.setdefault(block.id, block)
        return found

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props.update(fill_height=self.fill_height, fill_width=self.fill_width)
        return props


def auth_table(auth: Any) -> dict[str, str] | Callable[[str, str], Any]:
    """launch(auth=…) as Gradio takes it: a (username, password) pair, a list of them, or a function."""
    if callable(auth):
        return typing.cast(Callable[[str, str], Any], auth)
    pairs = [auth] if isinstance(auth, tuple) else auth
    if not isinstance(pairs, list) or not all(
        isinstance(p, (tuple, list)) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
    ):
        raise ValueError("launch(auth=…) takes a (username, password) pair, a list of them, or a function")
    return dict(pairs)


def _seconds_or_none(name: str, value: Any) -> float | None:
    """A launch() setting in seconds: a positive number, or None to turn it off."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{name} must be a positive number of seconds or None, not {value!r}")
    return float(value)

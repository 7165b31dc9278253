"""`gr.Blocks`: the root of an app — its layout, its dependencies, and the config sent to the page."""

from __future__ import annotations

import hmac
import typing
from collections.abc import Callable
from contextvars import Token
from typing import Any, ClassVar, Self
from urllib.parse import urlsplit

from . import runtime
from .block import Block, BlockContext
from .block_function import BlockFunction
from .component import Component
from .context import Context, current_block, current_root, enter_root, reset_root
from .files import parse_file_size
from .i18n import I18n
from .listeners import DECORATOR, allocate_ids, dependency_table, listen
from .types import AppRoot, PythonCaller

VERSION = "0.1.0"
# Seconds an event may run with no output before the page shows its Stop notice (launch(stop_notice_after=…)).
DEFAULT_STOP_NOTICE_AFTER = 5.0


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

    # How a parameter behaves in the browser, for docs/compatibility.md (wasmblocks_build/compat_doc.py).
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "analytics_enabled": "no effect: there is no server, and the page sends no analytics",
    }

    def __init__(
        self,
        theme: Any = None,
        analytics_enabled: bool | None = None,
        mode: str = "blocks",
        title: str = "Gradio",
        css: str | None = None,
        css_paths: Any = None,
        js: str | None = None,
        head: str | None = None,
        head_paths: Any = None,
        fill_height: bool = False,
        fill_width: bool = False,
        delete_cache: tuple[int, int] | None = None,
        **kwargs: Any,
    ) -> None:
        self.title = title
        self.theme = theme
        # Analytics are accepted for compatibility and never sent anywhere: there is no server.
        self.analytics_enabled = False
        self.mode = mode
        self.css = css
        self.js = js
        self.head = head
        self.fill_height = fill_height
        self.fill_width = fill_width
        self.delete_cache = delete_cache
        # Gradio sets this from launch(max_file_size=…); the page checks uploads against it (bytes).
        self.max_file_size: int | None = parse_file_size(kwargs.get("max_file_size"))
        self.stop_notice_after: float | None = DEFAULT_STOP_NOTICE_AFTER
        self.fns: dict[int, BlockFunction] = {}
        self.unload_fns: list[Callable[[], Any]] = []
        self.default_concurrency_limit: int | None = 1
        self.max_size: int | None = None
        self.launched = False
        # launch(auth=…): {username: password}, or a function (username, password) -> bool; auth_message for the form.
        self.auth: dict[str, str] | Callable[[str, str], Any] | None = None
        self.auth_message: str | None = None
        self._client: PythonCaller | None = None
        super().__init__(render=False, **{k: v for k, v in kwargs.items() if k in ("elem_id", "elem_classes")})
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

    def launch(self, *args: Any, **kwargs: Any) -> LaunchResult:
        """No server to start in the browser: mark this Blocks as the app to show.

        Returns Gradio's (app, local_url, share_url) triple: the Blocks itself (there is no server app),
        the site's address, and None (no share link). `i18n=` translates gr.I18n texts per page.
        Under PyScript it also shows the app on the page, in the element `target=` names (an id, as
        PyScript's display() takes it) or after the running script (docs/pyscript.md).
        """
        self.launched = True
        Context.launched = self
        if kwargs.get("i18n") is not None:
            if not isinstance(kwargs["i18n"], I18n):
                raise TypeError(f"launch(i18n=…) takes a gr.I18n, not {type(kwargs['i18n']).__name__}")
            self.i18n = kwargs["i18n"]
        self.local_url = runtime.site_url()
        if kwargs.get("theme") is not None:
            self.theme = kwargs["theme"]
        for name in ("css", "js", "head"):
            if kwargs.get(name):
                setattr(self, name, kwargs[name])
        if kwargs.get("max_file_size") is not None:
            self.max_file_size = parse_file_size(kwargs["max_file_size"])
        if kwargs.get("auth") is not None:
            self.auth = auth_table(kwargs["auth"])
        self.auth_message = kwargs.get("auth_message")
        if kwargs.get("footer_links") is not None:
            links = list(kwargs["footer_links"])
            unknown = [link for link in links if link not in ("api", "gradio", "settings", "runs")]
            if unknown:
                raise ValueError(f"footer_links takes 'api', 'gradio', 'settings' and 'runs', not {unknown}")
            self.footer_links = links
        if "stop_notice_after" in kwargs:
            self.stop_notice_after = _seconds_or_none("stop_notice_after", kwargs["stop_notice_after"])
        if Blocks.page_launcher is not None:
            Blocks.page_launcher(self, kwargs)
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

    def load(self, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        """Run fn when the page loads; inside `with demo.route(…)`, each time that page opens (as Gradio does).

        A Blocks inside another one listens to the outer app's load (the page's app fires it).
        """
        from .layouts.route import open_route

        root = self.root
        page = open_route()
        target: Block = page if page is not None and page.app in (self, root) else root
        return listen(self, [(target, "load")], fn, inputs, outputs, **kwargs)

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

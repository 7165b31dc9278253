"""Multipage apps: `with demo.route("Second page"):` adds a page, shown at the page URL's #/second-page."""

from __future__ import annotations

import re
from contextvars import Token
from typing import Any, Self

from ..block import BlockContext
from ..context import current_block, current_root, enter_root, reset_root
from ..types import AppRoot


def slug(name: str) -> str:
    """ "Second page" → "second-page" (Gradio's default path for a route)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class Route(BlockContext):
    """One extra page of an app; its children show only while the page's hash route is open.

    Hash routing (#/path) keeps multipage apps working on static hosts, which cannot rewrite /path to index.html.
    `page.load(fn, inputs, outputs)` runs each time the page opens: Gradio loads a page afresh on every visit.
    """

    EVENTS = ("load",)
    PROPS = ("name", "path", "show_in_navbar")

    def __init__(self, app: AppRoot, name: str, path: str | None = None, show_in_navbar: bool = True) -> None:
        self.name = name
        self.path = slug(path if path is not None else name)
        if not self.path:
            raise ValueError(f"demo.route({name!r}): the page needs a path made of letters or digits")
        taken = [c for c in app.children if isinstance(c, Route) and c.path == self.path]
        if taken:
            raise ValueError(f"demo.route({name!r}): the path '/{self.path}' is already used by page {taken[0].name!r}")
        self.show_in_navbar = show_in_navbar
        self.app = app
        self._root_token: Token[AppRoot | None] | None = None
        super().__init__(render=False)
        self.root = app  # listeners declared on the page (page.load) belong to the app, even outside its `with`
        app.add_child(self)
        self.is_rendered = True

    def __enter__(self) -> Self:
        # Usually opened after `with gr.Blocks() as demo:` has closed: components made here belong to demo.
        if current_root() is None:
            self._root_token = enter_root(self.app)
        super().__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        super().__exit__(*exc)
        if self._root_token is not None:
            reset_root(self._root_token)
            self._root_token = None


def open_route() -> Route | None:
    """The page whose `with demo.route(…)` block is open here, if any (a load listener declared there is its own)."""
    node: Any = current_block()
    while node is not None and not isinstance(node, Route):
        node = node.parent
    return node

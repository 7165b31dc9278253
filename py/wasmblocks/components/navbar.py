"""gr.Navbar: how the navigation bar of a multipage app (demo.route) looks on the page that holds it."""

from __future__ import annotations

from typing import Any, Self

from ..alerts import Error
from ..block import Block, BlockContext
from ..component import Component


def page_of(block: Block) -> Block | None:
    """The page a block sits on: its enclosing demo.route() page, or the app (the main page)."""
    from ..layouts.route import Route

    node: Block | None = block.parent
    while node is not None and node.parent is not None and not isinstance(node, Route):
        node = node.parent
    return node


def navbars_on(page: BlockContext) -> list[Navbar]:
    """The Navbars on one page: its blocks, not counting other pages (a route inside the app)."""
    from ..layouts.route import Route

    found: list[Navbar] = []
    for child in page.children:
        if isinstance(child, Navbar):
            found.append(child)
        elif isinstance(child, BlockContext) and not isinstance(child, Route):
            found += navbars_on(child)
    return found


class Navbar(Component):
    """Shows nothing where it is placed: it sets the navbar's visibility, main page name and extra links.

    The navbar appears when the app has pages besides the main one (as in Gradio). `value` adds links
    [(name, path)]: a path of one of the app's pages ("settings", "second?option=a") or an absolute URL,
    which opens in a new tab.
    """

    EVENTS = ("change",)
    PROPS = ("main_page_name",)

    def __init__(
        self,
        value: list[tuple[str, str]] | None = None,
        *,
        visible: bool = True,
        main_page_name: str | bool = "Home",
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ) -> None:
        if main_page_name is True or not isinstance(main_page_name, (str, bool)):
            raise ValueError(f"gr.Navbar: main_page_name must be a page name or False, not {main_page_name!r}")
        self.main_page_name = main_page_name
        super().__init__(value, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def render(self) -> Self:
        super().render()
        page = page_of(self)
        if isinstance(page, BlockContext) and len(navbars_on(page)) > 1:
            self.unrender()
            name = getattr(page, "name", None) or "Home"
            raise ValueError(f"Found multiple Navbar components on page {name!r}: a page may have one gr.Navbar")
        return self

    def preprocess(self, payload: Any) -> list[tuple[str, str]] | None:
        return None if payload is None else [(str(name), str(path)) for name, path in payload]

    def postprocess(self, value: Any) -> list[list[str]] | None:
        if value is None:
            return None
        links = []
        for link in value:
            if not isinstance(link, (list, tuple)) or len(link) != 2 or not all(isinstance(x, str) for x in link):
                raise Error(f"gr.Navbar value: each link is a (name, path) pair of strings, not {link!r}")
            links.append([link[0], link[1]])
        return links

    def api_example(self) -> None:
        return None

"""The base of every component and layout: an id, the props the page sees, and a place in the tree."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from contextvars import Token
from typing import Any, ClassVar, Self

from .context import current_block, current_root, enter_block, next_id, reset_block
from .listeners import make_listener
from .types import Container


def _record_explicit_args(init: Callable[..., None]) -> Callable[..., None]:
    """Wrap __init__ so an instance knows which constructor arguments the caller actually passed.

    Needed because a component returned from an event function updates only those (Gradio behaviour).
    """
    signature = inspect.signature(init)

    @functools.wraps(init)
    def wrapper(self: Block, *args: Any, **kwargs: Any) -> None:
        if not hasattr(self, "_explicit_args"):
            bound = signature.bind_partial(self, *args, **kwargs)
            explicit = dict(bound.arguments)
            explicit.pop("self", None)
            extra = explicit.pop("kwargs", None) or {}
            explicit.update(extra)
            self._explicit_args = explicit
        init(self, *args, **kwargs)

    return wrapper


class Block:
    """Something with an id in the tree. Subclasses list the attributes the page needs in PROPS.

    A subclass names the events it fires in EVENTS, one tuple (`EVENTS = ("click", "change")`); each name
    becomes an event method (`btn.click(fn, inputs, outputs)`). mypy sees them through the plugin in
    py/wasmblocks_build/mypy_listeners.py, which reads the same tuple.
    """

    PROPS: ClassVar[tuple[str, ...]] = ()
    EVENTS: ClassVar[tuple[str, ...]] = ()
    # How a listener's parameter behaves in the browser (docs/compatibility.md, "Button.click" stands for all).
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "click.key": "differs: a @gr.render run replaces its listeners whatever their key; a component's key= "
                     "still keeps its value across runs",
    }
    # Methods the page may call by name (Gradio's @server methods, e.g. gr.Dialogue's format/unformat).
    SERVER_FNS: ClassVar[tuple[str, ...]] = ()
    _explicit_args: dict[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            cls.__init__ = _record_explicit_args(cls.__dict__["__init__"])  # type: ignore[method-assign]
        for name in cls.EVENTS:
            if not hasattr(cls, name):
                setattr(cls, name, make_listener(name))

    def __init__(
        self,
        *,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self._id = next_id()
        self.visible = visible
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else list(elem_classes or [])
        self.key = key
        # Inside @gr.render, a block re-created with the same key keeps these props as the page has them
        # (when the visitor or a listener changed them) instead of taking the new constructor's (Gradio's key).
        preserved = [preserved_by_key] if isinstance(preserved_by_key, str) else list(preserved_by_key or [])
        self.preserved_by_key = preserved
        self.parent: BlockContext | None = None
        self.root: Any = current_root()
        self.is_rendered = False
        if render:
            self.render()

    @property
    def id(self) -> int:
        return self._id

    @classmethod
    def get_block_name(cls) -> str:
        """The type name the page's renderer registry knows this block by, e.g. "textbox"."""
        if cls.__dict__.get("is_template"):  # Gradio's templates (gr.TextArea) are drawn as their base
            base: type[Block] = cls.__mro__[1]
            return base.get_block_name()
        return cls.__name__.lower()

    def render(self) -> Self:
        """Place this block in the innermost open layout (used after render=False)."""
        parent = current_block()
        if parent is not None and not self.is_rendered:
            parent.add_child(self)
            self.is_rendered = True
            if self.root is None:
                self.root = current_root()
        return self

    def unrender(self) -> Self:
        if self.parent is not None:
            self.parent.children.remove(self)
            self.parent = None
        self.is_rendered = False
        return self

    def get_props(self) -> dict[str, Any]:
        """The props sent to the page: common ones plus the subclass's PROPS."""
        props: dict[str, Any] = {
            "visible": self.visible,
            "elem_id": self.elem_id,
            "elem_classes": self.elem_classes,
        }
        if self.key is not None and self.preserved_by_key:
            props["preserved_by_key"] = self.preserved_by_key
        for name in self.PROPS:
            props[name] = getattr(self, name)
        return props

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """Normalise prop updates; layouts (gr.Tabs(selected=…), gr.Accordion(open=…)) take them as given."""
        return props

    def server_function(self, name: str) -> Callable[..., Any] | None:
        """The function the page may call as `name` (a server_call message), or None."""
        return getattr(self, name) if name in self.SERVER_FNS else None

    def explicit_props(self) -> dict[str, Any]:
        """The constructor arguments passed explicitly, as props (for a component returned as an update)."""
        return {name: value for name, value in self._explicit_args.items() if name != "render"}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self._id})"


class BlockContext(Block):
    """A block with children, opened with `with`."""

    def __init__(self, **kwargs: Any) -> None:
        self.children: list[Block] = []
        self._context_token: Token[Container | None] | None = None
        super().__init__(**kwargs)

    def add_child(self, child: Block) -> None:
        child.parent = self
        self.children.append(child)

    def __enter__(self) -> Self:
        self._context_token = enter_block(self)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._context_token is not None:
            reset_block(self._context_token)
            self._context_token = None

"""The base of every component and layout: an id, the props the page sees, and a place in the tree."""

from __future__ import annotations

import functools
import inspect
from typing import Any, ClassVar

from .context import Context, next_id


def _record_explicit_args(init):
    """Wrap __init__ so an instance knows which constructor arguments the caller actually passed.

    Needed because a component returned from an event function updates only those (Gradio behaviour).
    """
    signature = inspect.signature(init)

    @functools.wraps(init)
    def wrapper(self, *args, **kwargs):
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
    """Something with an id in the tree. Subclasses list the attributes the page needs in PROPS."""

    PROPS: ClassVar[tuple[str, ...]] = ()
    _explicit_args: dict[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            cls.__init__ = _record_explicit_args(cls.__dict__["__init__"])  # type: ignore[method-assign]

    def __init__(
        self,
        *,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ) -> None:
        self._id = next_id()
        self.visible = visible
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else list(elem_classes or [])
        self.key = key
        self.parent: BlockContext | None = None
        self.root: Any = Context.root_block
        self.is_rendered = False
        if render:
            self.render()

    @property
    def id(self) -> int:
        return self._id

    @classmethod
    def get_block_name(cls) -> str:
        """The type name the page's renderer registry knows this block by, e.g. "textbox"."""
        return cls.__name__.lower()

    def render(self) -> Block:
        """Place this block in the innermost open layout (used after render=False)."""
        if Context.block is not None and not self.is_rendered:
            Context.block.add_child(self)
            self.is_rendered = True
            if self.root is None:
                self.root = Context.root_block
        return self

    def unrender(self) -> Block:
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
        for name in self.PROPS:
            props[name] = getattr(self, name)
        return props

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """Normalise prop updates; layouts (gr.Tabs(selected=…), gr.Accordion(open=…)) take them as given."""
        return props

    def explicit_props(self) -> dict[str, Any]:
        """The constructor arguments passed explicitly, as props (for a component returned as an update)."""
        return {name: value for name, value in self._explicit_args.items() if name != "render"}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self._id})"


class BlockContext(Block):
    """A block with children, opened with `with`."""

    def __init__(self, **kwargs: Any) -> None:
        self.children: list[Block] = []
        self._parent_context: BlockContext | None = None
        super().__init__(**kwargs)

    def add_child(self, child: Block) -> None:
        child.parent = self
        self.children.append(child)

    def __enter__(self):
        self._parent_context = Context.block
        Context.block = self
        return self

    def __exit__(self, *exc: Any) -> None:
        Context.block = self._parent_context

"""What the lowest layers need to know of blocks and apps, as Protocols, so they never import the tree."""

from __future__ import annotations

from typing import Any, Protocol


class BlockRef(Protocol):
    """Any block: its id, and the root Blocks it belongs to (None until it is placed in one)."""

    root: Any

    @property
    def id(self) -> int: ...


class Container(BlockRef, Protocol):
    """A block with children, opened with `with` (gr.Row, gr.Tab, gr.Blocks …)."""

    children: list[Any]

    def add_child(self, child: Any) -> None: ...


class AppRoot(Container, Protocol):
    """A root gr.Blocks as the context stack and the listeners see it: its dependencies, by id."""

    fns: dict[int, Any]


class PythonCaller(Protocol):
    """What `demo(…)` calls: one page session driven from Python (wasmblocks.client.Client)."""

    def predict(self, *inputs: Any, api_name: str | None = None, fn_index: int | None = None) -> Any: ...

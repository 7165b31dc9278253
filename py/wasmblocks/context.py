"""Where new blocks go: the open `with` layout and the root Blocks while an app's layout is being defined.

Both are context variables, not globals: a `@gr.render` function runs as an asyncio task and may await, and
two of them running at once must each see their own layout (each task runs in a copy of the context).
"""

from __future__ import annotations

import itertools
from contextvars import ContextVar, Token
from typing import Any, ClassVar

from .types import AppRoot, Container

_ids = itertools.count(1)
_block: ContextVar[Container | None] = ContextVar("wasmblocks_block", default=None)
_root: ContextVar[AppRoot | None] = ContextVar("wasmblocks_root", default=None)


_first_app_id: int | None = None


def next_id() -> int:
    """A process-wide unique block id; the page addresses components by it."""
    return next(_ids)


def number_app_from_start() -> None:
    """Give the next app's blocks the ids the first app loaded in this process started from.

    The loader calls it before each app, so an app gets the same ids whether it is the first one or
    replaced another (`run`): a worker restarted after Stop rebuilds the app the page still shows, and the
    page's values, props and States are keyed by those ids.
    """
    global _ids, _first_app_id
    if _first_app_id is None:
        _first_app_id = next(_ids)
    _ids = itertools.count(_first_app_id)


def current_block() -> Container | None:
    """The innermost open layout, or None outside any `with`."""
    return _block.get()


def current_root() -> AppRoot | None:
    """The outermost open Blocks, or None outside any `with gr.Blocks()`."""
    return _root.get()


def enter_block(block: Container | None) -> Token[Container | None]:
    """Make `block` the innermost open layout until reset_block(token)."""
    return _block.set(block)


def reset_block(token: Token[Container | None]) -> None:
    _block.reset(token)


def enter_root(root: AppRoot | None) -> Token[AppRoot | None]:
    """Make `root` the Blocks being defined until reset_root(token)."""
    return _root.set(root)


def reset_root(token: Token[AppRoot | None]) -> None:
    _root.reset(token)


class Context:
    """What the loader asks about the app file it ran: every root Blocks made, and the one launched."""

    created_roots: ClassVar[list[Any]] = []
    launched: ClassVar[Any] = None
    # The entry file's globals: classes it defines pickle as `__main__.X` (state_mirror.py).
    main_namespace: ClassVar[dict[str, Any] | None] = None

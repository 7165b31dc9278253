"""Where new blocks go: the stack of open `with` blocks while an app's layout is being defined."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .blocks import Blocks
    from .block import BlockContext

_ids = itertools.count(1)


def next_id() -> int:
    """A process-wide unique block id; the page addresses components by it."""
    return next(_ids)


class Context:
    """The innermost open layout and the outermost Blocks; None outside any `with`."""

    block: BlockContext | None = None
    root_block: Blocks | None = None
    # Every root Blocks created, so the loader can find the app when no `demo` name is used.
    created_roots: list[Blocks] = []
    launched: Blocks | None = None

"""gr.BrowserState: a value kept in the browser's localStorage, restored when the page is reloaded."""

from __future__ import annotations

import copy
from typing import Any

from ..component import Component


class BrowserState(Component):
    """Like gr.State, but the value lives in the page (localStorage under storage_key), so it survives reloads."""

    EVENTS = ("change",)
    PROPS = ("storage_key", "secret")

    def __init__(
        self,
        default_value: Any = None,
        *,
        storage_key: str | None = None,
        secret: str | None = None,
        render: bool = True,
        **kwargs: Any,
    ) -> None:
        self.storage_key = storage_key or "wasmblocks-browser-state"
        # No server, so nothing to sign with: the value is stored as plain JSON (the page is the only reader).
        self.secret = None
        self.default_value = copy.deepcopy(default_value)
        kwargs.setdefault("visible", False)
        super().__init__(default_value, render=render, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "browserstate"

"""gr.State: a value kept per page session in the worker; never rendered, never sent to the page."""

from __future__ import annotations

import copy
from typing import Any

from ..component import Component


class State(Component):
    """Hidden per-session value; each session starts with a deep copy of `value`."""

    EVENTS = ("change",)
    STATEFUL = True

    def __init__(
        self,
        value: Any = None,
        render: bool = True,
        *,
        time_to_live: float | None = None,
        delete_callback: Any = None,
        **kwargs: Any,
    ) -> None:
        self.time_to_live = time_to_live
        self.delete_callback = delete_callback
        super().__init__(value, render=render, **kwargs)
        self.value = copy.deepcopy(value) if not callable(value) else None

    def get_props(self) -> dict[str, Any]:
        # The value stays in the worker: the page only needs to know the block exists.
        return {"visible": False, "elem_id": None, "elem_classes": [], "value": None}

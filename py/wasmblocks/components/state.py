"""gr.State: a value kept per page session in the worker; never rendered, never sent to the page."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Hashable
from typing import Any

from ..component import Component


def deep_hash(value: Any) -> str:
    """Gradio's utils.deep_hash: containers by their items, other objects by __hash__ (so a custom __hash__
    decides what counts as a change), unhashable ones by identity. Compared before/after an event to decide
    whether a gr.State changed."""
    items: Any
    if isinstance(value, (int, float, str, bytes)):
        items = value
    elif isinstance(value, dict):
        items = tuple((k, deep_hash(v)) for k, v in sorted(value.items(), key=lambda kv: hash(kv[0])))
    elif isinstance(value, (list, tuple)):
        items = tuple(deep_hash(v) for v in value)
    elif isinstance(value, (set, frozenset)):
        items = tuple(deep_hash(v) for v in sorted(value, key=hash))
    elif isinstance(value, Hashable):
        items = str(hash(value)).encode("utf-8")
    else:
        items = str(id(value)).encode("utf-8")
    return hashlib.sha256(repr(items).encode("utf-8")).hexdigest()


class State(Component):
    """Hidden per-session value; each session starts with a deep copy of `value`."""

    EVENTS = ("change",)
    STATEFUL = True
    # Set when a listener targets this state's .change: only then is the value hashed after each event.
    change_listened = False

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
        # The value stays in the worker. The page holds a change token instead (the value's deep hash): an
        # event that changes the state sends a new token, and the page fires .change as for any new value.
        return {"visible": False, "elem_id": None, "elem_classes": [], "value": self.initial_token()}

    def initial_token(self) -> str | None:
        return deep_hash(self.value) if self.change_listened else None

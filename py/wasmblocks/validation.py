"""The `validator=` of Interface and ChatInterface: a check that runs before fn and stops it with a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .alerts import Error


def invalid_messages(results: Any) -> list[str]:
    """The messages of every gr.validate(False, message) among what a validator returned (one or a list)."""
    items = results if isinstance(results, (list, tuple)) else [results]
    return [str(r.get("message") or "Invalid input") for r in items
            if isinstance(r, dict) and r.get("__type__") == "validate" and r.get("is_valid") is False]


def checked_by(validator: Callable[..., Any]) -> Callable[..., None]:
    """A listener function that raises gr.Error (a toast; the chain's .success steps do not run) when the
    validator finds the inputs invalid."""

    def check(*values: Any) -> None:
        problems = invalid_messages(validator(*values))
        if problems:
            raise Error("\n".join(problems), title="Invalid input")

    check.__name__ = getattr(validator, "__name__", "validator")
    return check

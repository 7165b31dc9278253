"""gr.api: an endpoint with no components, typed by the function's hints, called through the Client.

`gr.api(fn, api_name="add")` inside a Blocks registers a listener no page event triggers; each parameter
is an input and each item of the returned tuple (per the return hint) an output, with values passed as
they are (no pre/postprocessing), as in Gradio. `Client(demo).predict(3, 5, api_name="/add")` runs it.
"""

from __future__ import annotations

import functools
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any, Literal

from .block_function import DEFAULT_LIMIT
from .component import Component
from .context import current_root
from .listeners import DECORATOR, Dependency, listen


class ApiValue(Component):
    """One input or output of a gr.api endpoint: a value with no view, never put in the page."""

    def __init__(self, value: Any = None, *, label: str | None = None, hint: Any = Any) -> None:
        self.hint = hint
        super().__init__(value, label=label, render=False)

    def api_info(self) -> dict[str, Any]:
        """The JSON schema of the hint, for view_api (api_info.py), as Gradio derives it from the type."""
        return type_schema(self.hint)

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        return value


_SIMPLE: dict[Any, dict[str, Any]] = {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
                                      bool: {"type": "boolean"}, type(None): {"type": "null"}}


def type_schema(hint: Any) -> dict[str, Any]:
    """A JSON schema for a type hint: str, int, float, bool, None, list[…], tuple[…], dict[…], unions."""
    if hint in _SIMPLE:
        return dict(_SIMPLE[hint])
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (list, tuple) or origin in (list, tuple):
        return {"type": "array", "items": type_schema(args[0]) if args else {}}
    if hint is dict or origin is dict:
        return {"type": "object", "additionalProperties": type_schema(args[1]) if len(args) == 2 else {}}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [type_schema(a) for a in args]}
    if origin is Literal:
        return {"type": "string", "enum": list(args)}
    return {}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _hints(fn: Callable[..., Any]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(fn)
    except Exception:  # unresolvable string annotations: the raw ones still say a hint is there
        return dict(getattr(fn, "__annotations__", {}))


def _return_types(fn: Callable[..., Any], hints: dict[str, Any]) -> list[Any]:
    hint = hints.get("return", inspect.Signature.empty)
    if hint in (inspect.Signature.empty, None, type(None)):
        return []
    if typing.get_origin(hint) is tuple:
        return list(typing.get_args(hint))
    return [hint]


def api(
    fn: Callable[..., Any] | Literal["decorator"] = "decorator",
    *,
    api_name: str | None = None,
    api_description: str | None = None,
    queue: bool = True,
    batch: bool = False,
    max_batch_size: int = 4,
    concurrency_limit: int | Literal["default"] | None = "default",
    concurrency_id: str | None = None,
    api_visibility: Literal["public", "private", "undocumented"] = "public",
    time_limit: int | None = None,
    stream_every: float = 0.5,
) -> Any:
    """Register fn as an API-only endpoint of the Blocks being defined; usable as `@gr.api(...)` too."""
    settings = {k: v for k, v in locals().items() if k != "fn"}
    if fn == DECORATOR:
        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            api(func, **settings)

            @functools.wraps(func)
            def inner(*args: Any, **kwargs: Any) -> Any:
                return func(*args, **kwargs)
            return inner
        return decorator
    assert callable(fn)
    root = current_root()
    if root is None:
        raise RuntimeError("Cannot call api() outside of a gradio.Blocks context.")
    hints = _hints(fn)
    params = [p for p in inspect.signature(fn).parameters.values()
              if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    untyped = [p.name for p in params if p.name not in hints]
    if untyped:
        raise ValueError("API endpoints must have type hints. Please specify a type hint for all parameters "
                         f"(missing for: {', '.join(untyped)}).")
    inputs = [ApiValue(None if p.default is p.empty else p.default, label=_ordinal(i + 1), hint=hints[p.name])
              for i, p in enumerate(params)]
    outputs = [ApiValue(label=_ordinal(i + 1), hint=hint) for i, hint in enumerate(_return_types(fn, hints))]
    dependency: Dependency = listen(
        root, [], fn, inputs, outputs, api_name=api_name, queue=queue, batch=batch, max_batch_size=max_batch_size,
        preprocess=False, postprocess=False, show_progress="hidden",
        concurrency_limit=DEFAULT_LIMIT if concurrency_limit == "default" else concurrency_limit,
        concurrency_id=concurrency_id, time_limit=time_limit, stream_every=stream_every,
        api_visibility=api_visibility, api_description=api_description,
    )
    return dependency


api.BROWSER_NOTES = {  # type: ignore[attr-defined]
    "api_description": "differs: view_api() and the Client show it; there is no MCP server to describe it to",
}

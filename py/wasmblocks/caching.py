"""@gr.cache and gr.Cache: function results kept in the worker's memory, keyed by a hash of the inputs.

Gradio's semantics: `@gr.cache` (or `gr.cache(fn)(…)` at run time) returns the stored result when a call's
arguments, bound to the signature with defaults applied, hash the same; generators replay every value they
yielded. Entries are evicted least-recently-used past `max_size` entries (0: no limit) or `max_memory` bytes
(an int or "512mb"). `per_session=True` keeps one namespace per page session. `gr.Cache()` is the manual
form, usually a parameter default (`def f(x, c=gr.Cache())`): `c.get(key)` / `c.set(key, **data)`.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import inspect
import sys
from collections import OrderedDict
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from .files import parse_file_size

# The page session whose event is running (set by processing.run_event); per_session caches key by it.
current_session_hash: ContextVar[str | None] = ContextVar("wasmblocks_session_hash", default=None)


def cache_hash(obj: Any) -> str:
    """A stable digest of a value's content (equal inputs, equal digest)."""
    return hashlib.sha256(_hash_repr(obj).encode("utf-8")).hexdigest()


def _hash_repr(obj: Any) -> str:
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return repr(obj)
    if isinstance(obj, (bytes, bytearray)):
        return "B" + hashlib.sha256(obj).hexdigest()
    if isinstance(obj, (list, tuple)):
        return ("L" if isinstance(obj, list) else "T") + "[" + ",".join(_hash_repr(x) for x in obj) + "]"
    if isinstance(obj, dict):
        pairs = sorted((repr(k), _hash_repr(v)) for k, v in obj.items())
        return "D{" + ",".join(f"{k}:{v}" for k, v in pairs) + "}"
    if isinstance(obj, (set, frozenset)):
        return "S{" + ",".join(sorted(_hash_repr(x) for x in obj)) + "}"
    kind = type(obj).__module__.split(".")[0]
    if kind == "numpy" and hasattr(obj, "tobytes"):  # arrays: shape, dtype and bytes (numpy is not imported here)
        digest = hashlib.sha256(obj.tobytes()).hexdigest()
        return f"np({getattr(obj, 'shape', ())},{getattr(obj, 'dtype', '')},{digest})"
    if kind == "PIL" and hasattr(obj, "tobytes"):
        return f"PIL({obj.mode},{obj.size},{hashlib.sha256(obj.tobytes()).hexdigest()})"
    if kind == "pandas" and hasattr(obj, "to_json"):
        return f"pd({obj.to_json()})"
    try:
        return repr(hash(obj))
    except TypeError:
        pass
    if hasattr(obj, "__dict__"):
        return _hash_repr(vars(obj))
    raise TypeError(f"gr.cache: cannot hash object of type {type(obj).__name__}. "
                    "Preprocess your inputs into hashable types before passing them.")


def _estimate_size(obj: Any) -> int:
    nbytes = getattr(obj, "nbytes", None)
    if isinstance(nbytes, int):
        return nbytes
    if isinstance(obj, dict):
        return sum(_estimate_size(v) for v in obj.values())
    if isinstance(obj, (list, tuple)):
        return sum(_estimate_size(v) for v in obj)
    if isinstance(obj, (bytes, bytearray)):
        return len(obj)
    return sys.getsizeof(obj)


class CacheStore:
    """An LRU table of entries with count and memory limits, optionally one namespace per session."""

    def __init__(self, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False) -> None:
        if not isinstance(max_size, int) or max_size < 0:
            raise ValueError(f"max_size must be a whole number >= 0 (0: no limit), not {max_size!r}")
        self.max_size = max_size
        self.max_memory = parse_file_size(max_memory)
        self.per_session = per_session
        self._entries: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._sizes: dict[str, int] = {}
        self._memory = 0

    def _key(self, key_hash: str) -> str:
        return f"{current_session_hash.get() or '_global'}:{key_hash}" if self.per_session else key_hash

    def get(self, key_hash: str) -> dict[str, Any] | None:
        full = self._key(key_hash)
        entry = self._entries.get(full)
        if entry is not None:
            self._entries.move_to_end(full)
        return entry

    def put(self, key_hash: str, **entry: Any) -> None:
        full = self._key(key_hash)
        size = _estimate_size(entry) if self.max_memory else 0
        self._memory += size - self._sizes.get(full, 0)
        self._entries[full] = entry
        self._entries.move_to_end(full)
        self._sizes[full] = size
        while self._entries and ((self.max_size and len(self._entries) > self.max_size) or (
                self.max_memory is not None and self._memory > self.max_memory and len(self._entries) > 1)):
            old, _ = self._entries.popitem(last=False)
            self._memory -= self._sizes.pop(old, 0)

    def keys(self) -> list[Any]:
        prefix = self._key("")
        return [e.get("_key") for k, e in self._entries.items() if not self.per_session or k.startswith(prefix)]

    def clear(self) -> None:
        self._entries.clear()
        self._sizes.clear()
        self._memory = 0

    def __len__(self) -> int:
        return len(self._entries)


def _wrap(func: Callable[..., Any], store: CacheStore, key: Callable[..., Any] | None) -> Callable[..., Any]:
    signature = inspect.signature(func)

    def digest(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[dict[str, Any], str]:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        normalized = dict(bound.arguments)
        return normalized, cache_hash(key(normalized) if key is not None else normalized)

    def call(normalized: dict[str, Any]) -> Any:
        bound = inspect.BoundArguments(signature, OrderedDict(normalized))
        return func(*bound.args, **bound.kwargs)

    if inspect.isgeneratorfunction(func):
        @functools.wraps(func)
        def gen_wrapper(*args: Any, **kwargs: Any) -> Any:
            normalized, h = digest(args, kwargs)
            entry = store.get(h)
            if entry is not None:
                yield from entry["yields"]
                return
            values = []
            for value in call(normalized):
                values.append(copy.deepcopy(value))
                yield value
            store.put(h, yields=values)
        return gen_wrapper
    if inspect.isasyncgenfunction(func):
        @functools.wraps(func)
        async def agen_wrapper(*args: Any, **kwargs: Any) -> Any:
            normalized, h = digest(args, kwargs)
            entry = store.get(h)
            if entry is not None:
                for value in entry["yields"]:
                    yield value
                return
            values = []
            async for value in call(normalized):
                values.append(copy.deepcopy(value))
                yield value
            store.put(h, yields=values)
        return agen_wrapper
    if inspect.iscoroutinefunction(func):
        @functools.wraps(func)
        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            normalized, h = digest(args, kwargs)
            entry = store.get(h)
            if entry is not None:
                return entry["value"]
            result = await call(normalized)
            store.put(h, value=result)
            return result
        return async_wrapper

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        normalized, h = digest(args, kwargs)
        entry = store.get(h)
        if entry is not None:
            return entry["value"]
        result = call(normalized)
        store.put(h, value=result)
        return result
    return wrapper


# One wrapper (and one store) per function and settings, so `gr.cache(fn)(x)` inside a handler reuses it.
_WRAPPERS: OrderedDict[tuple[Any, ...], Callable[..., Any]] = OrderedDict()
_MAX_WRAPPERS = 1024


def cache(fn: Callable[..., Any] | None = None, *, key: Callable[..., Any] | None = None, max_size: int = 128,
          max_memory: str | int | None = None, per_session: bool = False) -> Any:
    """Cache a function's results by its inputs: `@gr.cache`, `@gr.cache(max_size=…)` or `gr.cache(fn)(x)`."""

    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        registry_key = (id(func), id(key) if key is not None else None, max_size, parse_file_size(max_memory),
                        per_session)
        wrapper = _WRAPPERS.get(registry_key)
        if wrapper is None:
            store = CacheStore(max_size, max_memory, per_session)
            wrapper = _wrap(func, store, key)
            wrapper.cache = store  # type: ignore[attr-defined]
            _WRAPPERS[registry_key] = wrapper
            while len(_WRAPPERS) > _MAX_WRAPPERS:
                _WRAPPERS.popitem(last=False)
        _WRAPPERS.move_to_end(registry_key)
        return wrapper

    if fn is not None:
        if not callable(fn):
            raise TypeError("gr.cache(...) expected a callable when used at runtime. "
                            "Use gr.cache(fn)(*args) instead of gr.cache(fn(*args)).")
        return decorator(fn)
    return decorator


class Cache:
    """A cache a function manages itself: `def f(x, c=gr.Cache()): hit = c.get(x) … c.set(x, result=…)`."""

    def __init__(self, *, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False) -> None:
        self._store = CacheStore(max_size, max_memory, per_session)

    def get(self, key: Any) -> dict[str, Any] | None:
        """The data stored under key (a copy of the dict set() stored), or None."""
        entry = self._store.get(cache_hash(key))
        return None if entry is None else {k: v for k, v in entry.items() if k != "_key"}

    def set(self, key: Any, **data: Any) -> None:
        """Store keyword data under key (any value gr.cache can hash)."""
        self._store.put(cache_hash(key), _key=key, **data)

    def keys(self) -> list[Any]:
        return self._store.keys()

    def clear(self) -> None:
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)

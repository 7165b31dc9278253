"""gr.State values copied to the page as pickles, so a worker restarted after Stop gets them back.

gr.State lives in the worker, and a worker that cannot be interrupted is ended (docs/events.md): its
States would go with it. So after each event that used a State — as an input too, since a function may
change a list or dict in place — the worker pickles the value and sends the bytes to the page, which keeps
the latest copy of each and hands them to the fresh worker in `restore`. Pickling only the States an
event touched, and sending only copies that changed, keeps this cheap; a value pickle cannot copy (an open
file, a generator, a lambda) is reported instead, and the page names it when it restarts.

Classes an app defines in its entry file live in a module that runpy runs as `__main__` and then drops
from sys.modules; while pickling and unpickling, `__main__` is the app's namespace again.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
import types
from collections.abc import Iterator
from typing import Any


class StateNotKept(Exception):  # noqa: N818 - a reason, shown to the user
    """The value cannot be pickled; the message says why."""


@contextlib.contextmanager
def _app_as_main(namespace: dict[str, Any] | None) -> Iterator[None]:
    if namespace is None:
        yield
        return
    module = types.ModuleType("__main__")
    module.__dict__.update(namespace)
    previous = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        yield
    finally:
        if previous is not None:
            sys.modules["__main__"] = previous


def dumps(value: Any, main: dict[str, Any] | None = None) -> bytes:
    """The value as pickle bytes; StateNotKept when pickle cannot copy it."""
    try:
        with _app_as_main(main):
            return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # PicklingError, TypeError ("cannot pickle '_io.TextIOWrapper'"), recursion …
        raise StateNotKept(f"{type(exc).__name__}: {exc}") from None


def loads(data: bytes, main: dict[str, Any] | None = None) -> Any:
    """The value back from dumps' bytes (in the restarted worker, whose app defines the same classes)."""
    with _app_as_main(main):
        # Bytes this page's own worker made; the page can run any Python anyway (docs/security.md).
        return pickle.loads(data)


def digest(data: bytes) -> bytes:
    """A short fingerprint, to send only the copies that changed."""
    return hashlib.blake2b(data, digest_size=16).digest()

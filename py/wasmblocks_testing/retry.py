"""Expectations that retry until they hold, like Playwright's expect, and report the actual value when not."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
# Between two reads: short enough to notice a change soon, long enough not to busy the page.
POLL_MS = 100


class ExpectationError(AssertionError):
    """An expectation that did not come true in time; the message has the expected and the actual value."""


def expect_until(read: Callable[[], T], holds: Callable[[T], bool], *, expected: Any, what: str, timeout: float,
                 wait: Callable[[float], None] | None = None) -> T:
    """Read until holds(value) is true, then return the value; after `timeout` seconds fail with both values.

    wait(ms) sleeps between reads; with a page, pass page.wait_for_timeout so Playwright keeps handling
    the page's events meanwhile.
    """
    deadline = time.monotonic() + timeout
    while True:
        actual = read()
        if holds(actual):
            return actual
        if time.monotonic() >= deadline:
            raise ExpectationError(
                f"{what}\n  expected: {expected!r}\n  actual:   {actual!r}\n  (waited {timeout:g} s)")
        if wait is not None:
            wait(POLL_MS)
        else:
            time.sleep(POLL_MS / 1000)

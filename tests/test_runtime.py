"""The runtime adapter (runtime.py) under CPython: JSON for the JS side, blocking calls, packages, buffers."""

import asyncio
import json
import threading
from pathlib import Path

from wasmblocks import runtime
from wasmblocks.loop_thread import LoopThread


class _Array:
    def tolist(self):
        return [1, 2]


class _JsBuffer:
    def __init__(self, data):
        self.data = data

    def to_bytes(self):
        return self.data


def test_encode_makes_compact_json_of_what_json_cannot_encode():
    text = runtime.encode({"a": _Array(), "b": {3}, "c": (4,), "d": Path("/x"), "e": "é"})
    assert json.loads(text) == {"a": [1, 2], "b": [3], "c": [4], "d": "/x", "e": "é"}
    assert ", " not in text and ": " not in text


def test_a_blocking_function_runs_on_a_thread_under_cpython():
    assert not runtime.IN_BROWSER
    loop = LoopThread()
    name = loop.run(runtime.run_blocking(lambda: threading.current_thread().name))
    assert name != loop._thread.name


def test_packages_cannot_load_under_cpython_and_say_so():
    assert LoopThread().run(runtime.load_packages(["numpy"])) == {"*": "not installed in this Python"}


def test_page_buffers_become_bytes():
    assert runtime.buffers_to_bytes([_JsBuffer(b"a"), _JsBuffer(b"bc")]) == [b"a", b"bc"]
    assert runtime.buffers_to_bytes(None) == []
    assert asyncio.iscoroutinefunction(runtime.run_blocking)

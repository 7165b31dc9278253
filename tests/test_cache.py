"""Files written by functions (cache.py) and Blocks(delete_cache=…): what is old gets deleted, on a schedule."""

import os
import time

import pytest

import importlib

# The module, not gr.cache (the function Gradio's name stands for, which wasmblocks/__init__ binds over it).
cache = importlib.import_module("wasmblocks.cache")
from wasmblocks.loop_thread import LoopThread


def test_save_bytes_writes_each_file_in_a_folder_of_its_own():
    a, b = cache.save_bytes(b"1", "same.txt"), cache.save_bytes(b"2", "same.txt")
    assert a != b and os.path.basename(a) == "same.txt" and open(b, "rb").read() == b"2"
    assert cache.save_bytes(b"x", suffix=".wav").endswith("file.wav") and a.startswith(cache.cache_dir())


def test_delete_old_files(tmp_path):
    old = tmp_path / "sub" / "old.txt"
    old.parent.mkdir()
    old.write_text("x")
    new = tmp_path / "new.txt"
    new.write_text("y")
    os.utime(old, (time.time() - 100, time.time() - 100))
    assert cache.delete_old_files([str(tmp_path)], age=50) == [str(old)]
    assert new.exists() and not old.parent.exists()
    assert cache.delete_old_files([str(tmp_path / "missing")], age=0) == []


def test_clean_periodically_waits_then_deletes_each_round(monkeypatch):
    """The schedule, without waiting for it: sleep is replaced by one that records and ends after two rounds."""
    rounds = []

    class Stop(Exception):
        pass

    async def sleep(seconds):
        rounds.append(("sleep", seconds))
        if len(rounds) > 4:
            raise Stop

    monkeypatch.setattr(cache.asyncio, "sleep", sleep)
    monkeypatch.setattr(cache, "delete_old_files", lambda roots, age: rounds.append(("delete", roots, age)))
    with pytest.raises(Stop):
        LoopThread().run(cache.clean_periodically(lambda: ["/a", "/b"], 60, 3600))
    assert rounds[:4] == [("sleep", 60), ("delete", ["/a", "/b"], 3600), ("sleep", 60), ("delete", ["/a", "/b"], 3600)]

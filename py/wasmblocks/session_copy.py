"""The page's copy of a session: gr.State values out after each event, everything back into a fresh worker.

When Stop has to end a worker that cannot be interrupted (docs/events.md), the page starts a fresh one
and sends it `restore`: the States' pickles this module sent after events (state_mirror.py), the props
the old worker's updates set (new Dropdown choices, a relabelled Textbox: preprocessing reads them), and
the bytes of the files the page's values point to (uploads, returned images), written back at the paths
those values name. Component values need nothing here: the page sends them with every event.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from . import protocol, state_mirror
from .block_function import BlockFunction
from .session import Session


class SessionCopy:
    """The State copies one page session sent, and how to take a `restore` back."""

    def __init__(self, session: Session, blocks: dict[int, Any], main: dict[str, Any] | None = None) -> None:
        self.session = session
        self.blocks = blocks
        self.main = main
        self._sent: dict[int, bytes] = {}  # digest of the last copy sent, per State id
        self.restored_files: list[str] = []  # what the last restore wrote back

    def states_after(self, fn: BlockFunction) -> tuple[protocol.StateMessage, list[str]] | None:
        """The States `fn` used whose value changed since their last copy: a `state` message and its files."""
        copies: list[protocol.StateCopy] = []
        paths: list[str] = []
        seen: set[int] = set()
        for block in [*fn.inputs, *fn.outputs]:
            if not getattr(block, "STATEFUL", False) or block.id in seen or block.id not in self.session.state:
                continue
            seen.add(block.id)
            try:
                data = state_mirror.dumps(self.session.state[block.id], self.main)
            except state_mirror.StateNotKept as exc:
                self._sent.pop(block.id, None)
                copies.append({"id": block.id, "error": str(exc)})
                continue
            digest = state_mirror.digest(data)
            if self._sent.get(block.id) == digest:
                continue
            self._sent[block.id] = digest
            copies.append({"id": block.id, "buffer": len(paths)})
            paths.append(self._write(block.id, data))
        return (protocol.state_message(copies), paths) if copies else None

    def _write(self, state_id: int, data: bytes) -> str:
        """The pickle as a file: the worker's JS reads message bytes from the file system (bridge.ts)."""
        folder = os.path.join(tempfile.gettempdir(), f"wasmblocks-state-{self.session.hash}")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{state_id}.pickle")
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def restore(self, message: dict[str, Any], buffers: list[bytes]) -> list[str]:
        """Take the page's copy into this (fresh) session; returns what could not be restored, one line each."""
        problems: list[str] = []
        for entry in _entries(message, "states"):
            block = self._block(entry)
            data = _buffer(entry, buffers)
            if block is None or not getattr(block, "STATEFUL", False) or data is None:
                problems.append(f"gr.State {entry.get('id')!r}: not a State of this app, or no bytes")
                continue
            try:
                value = state_mirror.loads(data, self.main)
            except Exception as exc:  # a class the app no longer defines, truncated bytes …
                problems.append(f"{block.display_name()}: {type(exc).__name__}: {exc}")
                continue
            self.session.set_state(block, value)
            self._sent[block.id] = state_mirror.digest(data)
        for entry in _entries(message, "props"):
            block = self._block(entry)
            if block is not None and isinstance(entry.get("props"), dict):
                self.session.remember_props(block, entry["props"])
        self.restored_files = []
        for entry in _entries(message, "files"):
            problem = _write_back(entry.get("path"), _buffer(entry, buffers))
            if problem:
                problems.append(problem)
            else:
                self.restored_files.append(entry["path"])
        return problems

    def _block(self, entry: dict[str, Any]) -> Any:
        block_id = entry.get("id")
        return self.blocks.get(block_id) if isinstance(block_id, int) else None


def _entries(message: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = message.get(key, [])
    if not isinstance(items, list):
        raise TypeError(f"{key} must be a list")
    return [item for item in items if isinstance(item, dict)]


def _buffer(entry: dict[str, Any], buffers: list[bytes]) -> bytes | None:
    index = entry.get("buffer")
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(buffers):
        return buffers[index]
    return None


def _write_back(path: Any, data: bytes | None) -> str | None:
    """Write a file the old worker had, at the same path: only inside the temp folder, never over a file."""
    root = os.path.abspath(tempfile.gettempdir())
    if not isinstance(path, str) or data is None:
        return f"file {path!r}: no path or no bytes"
    if not os.path.isabs(path) or os.path.normpath(path) != path or not path.startswith(root + os.sep):
        return f"file {path!r}: only files below {root} are restored"
    if os.path.lexists(path):
        return None  # the fresh worker made it itself (an example the app writes at start): keep that one
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    return None

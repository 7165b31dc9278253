"""The snapshot imports every wasmblocks module (wasmblocks_build/snapshot.py PREPARE_PY) and leaves the block
ids where they were, so an app restored from it gets the ids of the tree export drew at build time."""

from __future__ import annotations

import json
import sys

from wasmblocks import context
from wasmblocks_build.snapshot import PREPARE_PY


def test_preparing_the_snapshot_uses_up_no_block_ids():
    # Gradio's theme builder builds its app when imported; a first import (as in Pyodide) takes block ids.
    sys.modules.pop("wasmblocks.themes.builder_app", None)
    namespace: dict = {}
    exec(PREPARE_PY, namespace)
    before = context.next_id()
    result = json.loads(namespace["_wasmblocks_prepare"]([]))
    assert "wasmblocks.themes.builder_app" in result["modules"]
    assert sys.modules["wasmblocks.themes.builder_app"].demo.blocks  # it did build its app
    assert context.next_id() == before + 1

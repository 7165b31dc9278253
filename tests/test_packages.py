"""Pyodide packages loaded on demand (packages.py): what a component needs, and a clear error when it can't."""

import pytest

import wasmblocks as gr
from wasmblocks import packages
from wasmblocks.loop_thread import LoopThread
from wasmblocks.processing import load_needed_packages
from wasmblocks.session import Session


def test_missing_package_error_names_package_and_fix(monkeypatch):
    monkeypatch.setattr(packages, "installed", lambda name: False)
    with gr.Blocks() as demo:
        image = gr.Image(label="Photo")
        out = gr.Textbox()
        image.change(lambda x: "x", image, out)
    with pytest.raises(gr.Error) as info:
        # On a loop thread of its own: pytest's main thread may already run Playwright's loop.
        LoopThread().run(load_needed_packages(demo.fns[0], Session()))
    text = info.value.message
    assert 'Image "Photo" needs the "numpy" package, which could not be loaded' in text
    assert "Pyodide package index" in text and 'type="filepath"' in text


def test_installed_packages_load_nothing_and_outputs_try_only_once(monkeypatch):
    asked = []

    async def load(names):
        asked.append(names)
        return {}

    monkeypatch.setattr(packages.runtime, "load_packages", load)
    monkeypatch.setattr(packages, "_tried_quietly", set())
    loop = LoopThread()
    loop.run(packages.ensure(["json"], "X"))  # importable: nothing to load
    loop.run(packages.try_ensure(["not-a-package"]))
    loop.run(packages.try_ensure(["not-a-package"]))
    assert asked == [["not-a-package"]]
    with pytest.raises(gr.Error, match='X needs the "not-a-package" package'):
        loop.run(packages.ensure(["not-a-package"], "X"))
    assert packages.installed("json") and packages.installed("Pillow") == packages.installed("PIL")

"""Pyodide packages loaded on demand (packages.py): what a component needs, and a clear error when it can't."""

import pytest

import wasmblocks as gr
from wasmblocks import packages
from wasmblocks.loop_thread import LoopThread
from wasmblocks.processing import load_needed_packages, load_value_packages
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


def _recording_loader(monkeypatch):
    """runtime.load_packages recording what it is asked for, and loading nothing (as offline)."""
    asked: list[list[str]] = []

    async def load(names):
        asked.append(list(names))
        return {"*": "offline"}

    monkeypatch.setattr(packages.runtime, "load_packages", load)
    monkeypatch.setattr(packages, "installed", lambda name: name not in ("numpy", "Pillow", "pandas"))
    return asked


def test_an_output_image_loads_pillow_only_for_a_value_that_needs_it(monkeypatch, tmp_path):
    asked = _recording_loader(monkeypatch)
    with gr.Blocks() as demo:
        out = gr.Image(label="Shown")  # type="numpy", Gradio's default: what it would accept
        gr.Button().click(lambda: None, None, out)
    fn, session, loop = demo.fns[0], Session(), LoopThread()
    loop.run(load_needed_packages(fn, session))
    for value in (str(tmp_path / "a.png"), tmp_path / "a.png", "https://example.com/a.png", None,
                  {"path": "a.png", "meta": {"_type": "gradio.FileData"}}, gr.update(value="a.png", label="L")):
        loop.run(load_value_packages(fn, session, value))
    assert asked == []
    with pytest.raises(gr.Error, match='Image "Shown" needs the "Pillow" package'):
        loop.run(load_value_packages(fn, session, _Array()))  # an array: Pillow saves it
    assert asked == [["Pillow"]]


def test_a_pandas_dataframe_input_loads_pandas_and_names_it_when_it_cannot(monkeypatch):
    asked = _recording_loader(monkeypatch)
    with gr.Blocks() as demo:
        table = gr.Dataframe(label="Table")  # type="pandas", Gradio's default
        rows = gr.Dataframe(label="Rows", type="array")
        out = gr.Dataframe(label="Out")
        gr.Button().click(lambda t: t, table, out)
        gr.Button().click(lambda r: r, rows, out)
    loop = LoopThread()
    with pytest.raises(gr.Error) as info:
        loop.run(load_needed_packages(demo.fns[0], Session()))
    assert 'Dataframe "Table" needs the "pandas" package, which could not be loaded (offline)' in info.value.message
    assert 'type="array"' in info.value.message
    loop.run(load_needed_packages(demo.fns[1], Session()))  # type="array" and an output: nothing
    loop.run(load_value_packages(demo.fns[1], Session(), [[1, 2]]))
    assert asked == [["pandas"]]


class _Array:
    """Looks like a numpy array to pillow_for (numpy is not needed to say so)."""

    __array_interface__ = {"shape": (1, 1), "typestr": "|u1"}


def test_pillow_is_asked_for_only_by_values_that_hold_an_array_or_image():
    assert packages.pillow_for(None) == packages.pillow_for("a.png") == packages.pillow_for(b"\x89PNG") == []
    assert packages.pillow_for([("a.png", "caption"), {"path": "b.png"}]) == []
    assert packages.pillow_for({"background": "a.png", "layers": [None], "composite": "https://x/y.png"}) == []
    assert packages.pillow_for(("a.png", [((0, 0, 4, 4), "box")])) == []
    assert packages.pillow_for(_Array()) == ["Pillow"]
    assert packages.pillow_for([("a.png", "x"), (_Array(), "y")]) == ["Pillow"]
    assert packages.pillow_for({"background": None, "layers": [_Array()]}) == ["Pillow"]
    assert packages.pillow_for(("a.png", [(_Array(), "mask")])) == ["Pillow"]
    for output in (gr.Image(render=False), gr.ImageEditor(render=False), gr.Gallery(render=False),
                   gr.AnnotatedImage(render=False), gr.ImageSlider(render=False)):
        assert output.needed_packages("output") == []
        assert output.value_packages("a.png") == [] and output.value_packages([_Array()]) == ["Pillow"]


def test_an_empty_image_input_needs_no_package_but_an_uploaded_one_does(monkeypatch):
    # Gradio's blocks_xray: Run with no scan uploaded reaches the function with None, offline too.
    asked = _recording_loader(monkeypatch)
    with gr.Blocks() as demo:
        scan = gr.Image(label="Scan")  # type="numpy"
        choice = gr.CheckboxGroup(["a"])
        gr.Button().click(lambda c, s: c, [choice, scan], gr.JSON())
    fn, session, loop = demo.fns[0], Session(), LoopThread()
    loop.run(load_needed_packages(fn, session, [["a"], None]))
    assert asked == []
    with pytest.raises(gr.Error, match='Image "Scan" needs the "numpy" package'):
        loop.run(load_needed_packages(fn, session, [["a"], {"path": "x.png"}]))

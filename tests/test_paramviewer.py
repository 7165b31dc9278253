"""gr.ParamViewer's Python side: Gradio's signature and defaults, the value as the page gets it (each field a
string or None), argument checks, and updates returned from a function."""

from __future__ import annotations

import pytest

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.alerts import Error

ROUND = {
    "number": {"type": "int | float", "description": "The number to round", "default": None},
    "ndigits": {"type": "int", "description": "The number of digits to round to", "default": "0"},
}


def test_defaults_and_events_are_gradios():
    pv = gr.ParamViewer(ROUND)
    props = pv.get_props()
    assert (props["language"], props["linkify"], props["header"], props["anchor_links"], props["max_height"]) == (
        "python", None, "Parameters", False, None)
    assert props["value"] == ROUND and pv.preserved_by_key == ["value"]
    assert gr.ParamViewer().value == {}
    assert gr.ParamViewer.EVENTS == ("change", "upload")
    # Gradio's positional order: value, language, linkify.
    assert gr.ParamViewer(ROUND, "typescript", ["Image"]).get_props()["linkify"] == ["Image"]


def test_values_become_strings_and_bad_ones_are_refused():
    pv = gr.ParamViewer()
    assert pv.postprocess({"n": {"type": "int", "default": 3}}) == {
        "n": {"type": "int", "description": "", "default": "3"}}
    with pytest.raises(Error, match="expects a dict"):
        pv.postprocess([("n", {})])
    with pytest.raises(Error, match="parameter 'n' must be a dict"):
        pv.postprocess({"n": "int"})
    with pytest.raises(ValueError, match="language"):
        gr.ParamViewer(language="rust")
    with pytest.raises(ValueError, match="linkify"):
        gr.ParamViewer(linkify="Image")


def test_a_function_can_replace_the_parameters_and_the_language():
    with gr.Blocks() as demo:
        pv = gr.ParamViewer(ROUND)
        gr.Button().click(lambda: gr.ParamViewer({"x": {"type": "string"}}, language="typescript"), None, pv)
        gr.Button().click(lambda: gr.update(language="go"), None, pv)
    client = Client(demo)
    client.settle(client.fire(0))
    update = client.of_type("update")[-1]["updates"][0]
    assert update["value"] == {"x": {"type": "string", "description": "", "default": None}}
    assert update["props"]["language"] == "typescript"
    status = client.settle(client.fire(1))
    assert status["stage"] == "error" and "language" in status["message"]

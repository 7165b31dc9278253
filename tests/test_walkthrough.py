"""gr.Walkthrough and gr.Step (layouts/walkthrough.py): props, ids, implicit parents, updates from events."""

import pytest

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.config import app_config


def test_steps_and_their_props():
    with gr.Blocks() as demo, gr.Walkthrough(selected=1) as w:
        with gr.Step("One", id=0) as one:
            gr.Textbox()
        with gr.Step("Two", id=1, interactive=False, scale=2, elem_id="two"):
            pass
    node = app_config(demo)["root"]["children"][0]
    assert node["type"] == "walkthrough" and node["props"]["selected"] == 1
    first, second = node["children"]
    assert first["type"] == "walkthroughstep" and first["props"]["label"] == "One" and first["props"]["id"] == 0
    assert second["props"]["interactive"] is False and second["props"]["scale"] == 2
    assert second["props"]["elem_id"] == "two"
    assert one.parent is w and w.EVENTS == ("change", "select") and one.EVENTS == ("select",)


def test_step_ids_are_numbers_as_in_gradio():
    with pytest.raises(ValueError, match="id must be a number"):
        gr.Step("x", id="first", render=False)


def test_steps_outside_a_walkthrough_get_one():
    with gr.Blocks() as demo:
        with gr.Step("A"):
            pass
        with gr.Step("B"):
            pass
        gr.Markdown()
        with gr.Step("C"):
            pass
    kinds = [c["type"] for c in app_config(demo)["root"]["children"]]
    assert kinds == ["walkthrough", "markdown", "walkthrough"]
    assert len(app_config(demo)["root"]["children"][0]["children"]) == 2


def test_an_event_moves_the_walkthrough():
    with gr.Blocks() as demo:
        with gr.Walkthrough(selected=0) as w:
            with gr.Step("A", id=0):
                go = gr.Button()
            with gr.Step("B", id=1):
                pass
        forward = go.click(lambda: gr.Walkthrough(selected=1), None, w)
        back = go.click(lambda: gr.update(selected=0), None, w)
    h = Client(demo)
    for dep, expected in ((forward, 1), (back, 0)):
        h.settle(h.fire(dep.id))
        (update,) = h.of_type("update")[-1]["updates"]
        assert update["id"] == w.id and update["props"]["selected"] == expected

"""gr.Draggable's Python side: Gradio's signature, a layout holding its children, the orientation check."""

from __future__ import annotations

import pytest

import wasmblocks as gr
from wasmblocks.config import app_config


def test_a_draggable_holds_its_children_in_the_tree():
    with gr.Blocks() as demo:
        with gr.Draggable(orientation="row") as drag:
            a = gr.Textbox(label="A")
            with gr.Row():
                b = gr.Number(label="B")
    node = next(n for n in app_config(demo)["root"]["children"] if n["id"] == drag.id)
    assert node["type"] == "draggable" and node["props"]["orientation"] == "row"
    assert [c["id"] for c in node["children"]][0] == a.id
    assert node["children"][1]["children"][0]["id"] == b.id
    assert gr.Draggable().orientation == "column" and gr.Draggable().preserved_by_key == []
    assert gr.Draggable.EVENTS == ()


def test_orientation_is_checked():
    with pytest.raises(ValueError, match="orientation"):
        gr.Draggable(orientation="grid")

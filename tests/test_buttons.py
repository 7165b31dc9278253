"""Gradio 6's buttons= (components/buttons.py): built-in names, defaults, and gr.Button entries."""

import pytest

import wasmblocks as gr
from wasmblocks.updates import to_update
from wasmblocks.session import Session


def test_defaults_follow_gradio_per_component():
    assert gr.Textbox(render=False).get_props()["buttons"] == []
    assert gr.Chatbot(render=False).get_props()["buttons"] == ["share", "copy", "copy_all"]
    assert gr.Code(render=False).get_props()["buttons"] == ["copy", "download"]
    assert gr.JSON(render=False).get_props()["buttons"] == ["copy"]
    assert gr.Image(render=False).get_props()["buttons"] == ["download", "share", "fullscreen"]
    assert gr.Video(render=False).get_props()["buttons"] == ["download"]
    assert gr.Dataframe(render=False).get_props()["buttons"] == ["fullscreen", "copy"]
    assert gr.Slider(render=False).get_props()["buttons"] == ["reset"]
    assert gr.Markdown(render=False).get_props()["buttons"] == []
    assert gr.Slider(buttons=[], render=False).get_props()["buttons"] == []


def test_a_custom_button_leaves_the_layout_and_is_sent_by_id():
    with gr.Blocks() as demo:
        refresh = gr.Button("Refresh")
        box = gr.Textbox(buttons=["copy", refresh])
    assert refresh not in demo.children and box in demo.children
    assert box.buttons == ["copy", refresh]  # what Gradio keeps on the instance
    assert box.get_props()["buttons"] == ["copy", {"id": refresh.id, "value": "Refresh", "icon": None}]


def test_old_show_buttons_are_gone_as_in_gradio_6():
    with pytest.raises(TypeError):
        gr.Textbox(show_copy_button=True, render=False)
    with pytest.raises(TypeError):
        gr.Image(show_download_button=False, render=False)


def test_bad_entries_are_refused_and_unknown_names_warned():
    with pytest.raises(ValueError, match="takes a list"):
        gr.Textbox(buttons="copy", render=False)
    with pytest.raises(ValueError, match="entries are 'copy' or gr.Button"):
        gr.Textbox(buttons=[3], render=False)
    with pytest.warns(UserWarning, match="Textbox has no 'download' button"):
        box = gr.Textbox(buttons=["download", "copy"], render=False)
    assert box.buttons == ["copy"]


def test_an_update_sends_buttons_as_the_page_reads_them():
    with gr.Blocks():
        box = gr.Textbox()
        extra = gr.Button("Go", render=False)
    update = to_update(box, gr.update(buttons=["copy", extra]), Session())
    assert update is not None and update["props"]["buttons"] == ["copy", {"id": extra.id, "value": "Go", "icon": None}]

"""Components given no label show the label Gradio's front end falls back to (what a Gradio user's test finds)."""

from __future__ import annotations

from playwright.sync_api import expect

APP = """
import gradio as gr

with gr.Blocks() as demo:
    gr.MultimodalTextbox()
    gr.DateTime()
    gr.Textbox()
"""


def test_unlabelled_components_show_gradios_fallback_labels(open_app, source_url):
    page = open_app(source_url("unlabelled.py", APP))
    for label in ("MultimodalTextbox", "Date", "Textbox"):  # js/multimodaltextbox, js/datetime, js/textbox
        expect(page.locator("#wasmblocks-app").get_by_text(label, exact=True)).to_have_count(1)
    assert not page.wasmblocks_errors

"""A constructor value naming a file that is not there (a demo's sample kept elsewhere): Gradio builds the app
and the page shows the file as missing; so does wasmblocks, and the app works."""

from __future__ import annotations

from playwright.sync_api import expect

APP = """
import gradio as gr

with gr.Blocks() as demo:
    picture = gr.Image("test/test_files/bus.png", label="InputImage", type="filepath")
    gr.ImageEditor(value="./cheetah.jpg", label="Editor")
    out = gr.Textbox(label="Got")
    gr.Button("Read").click(lambda p: p or "nothing", picture, out)
    gr.Button("Hello").click(lambda: "hello", None, out)
"""


def test_missing_sample_files_show_as_missing_and_the_app_works(open_app, source_url):
    page = open_app(source_url("missing_samples.py", APP))
    expect(page.get_by_text("InputImage", exact=True)).to_be_visible()
    expect(page.get_by_text("Editor", exact=True)).to_be_visible()
    expect(page.get_by_test_id("toast-body")).to_have_count(0)
    page.get_by_role("button", name="Read").click()
    # The function is given the file the app named; it is not there, and the event says so.
    expect(page.get_by_test_id("toast-body")).to_contain_text('Image "InputImage": the file bus.png is gone')
    expect(page.get_by_label("Got")).to_have_value("")
    page.get_by_role("button", name="Hello").click()
    expect(page.get_by_label("Got")).to_have_value("hello")

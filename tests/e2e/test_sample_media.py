"""gr.get_image() & co.: an app shows the sample files it asks for (fetched from the site's media/ on demand)."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr
from gradio.media import get_audio, get_file, get_image, get_video

with gr.Blocks() as demo:
    gr.Image(get_image("cheetah1.jpg"), label="Cheetah")
    gr.Video(get_video("world.mp4"), label="World")
    gr.Audio(get_audio("cantina.wav"), label="Cantina")
    first = gr.Textbox(label="First line")
    gr.Button("Read titanic.csv").click(lambda: open(get_file("titanic.csv")).readline().strip(), None, first)

demo.launch()
"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("media_app.py", APP))
    yield page
    page.context.close()


def test_the_sample_image_video_and_recording_load(page):
    image = page.get_by_test_id("image").locator("img").first
    expect(image).to_be_visible()
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [120, 90]
    video = page.locator("video").first
    page.wait_for_function("(v) => v.readyState >= 1", arg=video.element_handle())
    assert 2.5 < video.evaluate("v => v.duration") < 3.5
    audio = page.locator("audio").first
    page.wait_for_function("(a) => a.readyState >= 1", arg=audio.element_handle())
    assert audio.evaluate("a => a.duration") == pytest.approx(2.0, abs=0.1)


def test_a_function_reads_a_sample_file(page):
    page.get_by_role("button", name="Read titanic.csv").click()
    expect(page.get_by_label("First line")).to_have_value(
        "PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked")
    assert not page.wasmblocks_errors

"""gr.Image(sources=["webcam", …]): the camera opens only after a click on "Click to Access Webcam" (as in
Gradio), and a photo from the (fake) camera reaches Python as a PNG file."""

import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import struct
    import gradio as gr

    def describe(path):
        if path is None:
            return "no image"
        with open(path, "rb") as f:
            head = f.read(24)
        width, height = struct.unpack(">II", head[16:24])  # the PNG IHDR chunk
        return f"{head[1:4].decode()} {width}x{height}"

    with gr.Blocks() as demo:
        photo = gr.Image(label="Photo", type="filepath", sources=["webcam", "upload"])
        info = gr.Textbox(label="Info")
        photo.change(describe, photo, info)
''')


# Counts getUserMedia calls from the first script on: a camera opened at load would show here.
COUNT_CAMERA_REQUESTS = """
    window.__cameraRequests = 0;
    const real = MediaDevices.prototype.getUserMedia;
    MediaDevices.prototype.getUserMedia = function (...args) { window.__cameraRequests++; return real.apply(this, args); };
"""


@pytest.fixture(scope="module")
def page(browser, source_url):
    context = browser.new_context()
    context.add_init_script(COUNT_CAMERA_REQUESTS)
    page = context.new_page()
    page.goto(source_url("webcam_app.py", APP))
    page.wait_for_selector('#wasmblocks-app[data-state="ready"]', timeout=60_000)
    yield page
    context.close()


def test_the_camera_is_not_opened_until_the_visitor_asks(page):
    block = page.get_by_test_id("image")
    prompt = block.get_by_role("button", name="Click to Access Webcam")
    expect(prompt).to_be_visible()
    expect(block.get_by_test_id("webcam")).to_have_count(0)
    assert page.evaluate("window.__cameraRequests") == 0
    prompt.click()
    expect(block.get_by_test_id("webcam")).to_be_visible()
    assert page.evaluate("window.__cameraRequests") == 1


def test_capture_from_camera_reaches_python(page):
    block = page.get_by_test_id("image")
    expect(block.get_by_test_id("webcam")).to_be_visible()
    capture = block.get_by_role("button", name="capture photo")
    expect(capture).to_be_enabled(timeout=10_000)
    capture.click()
    expect(page.get_by_label("Info")).to_have_value(__import__("re").compile(r"^PNG \d+x\d+$"), timeout=10_000)
    expect(block.get_by_test_id("detailed-image")).to_be_visible()
    assert page.get_by_test_id("detailed-image").evaluate("img => img.naturalWidth") > 0


def test_source_bar_switches_to_upload_after_clearing(page):
    page.get_by_role("button", name="Remove Image").click()
    page.get_by_role("button", name="Upload file").click()
    expect(page.get_by_test_id("upload-button")).to_be_visible()
    page.get_by_role("button", name="Capture from camera").click()
    expect(page.get_by_test_id("webcam")).to_be_visible()

"""Webcam streaming (gr.Image(streaming=True), .stream(fn, stream_every=…, time_limit=…)) with Chromium's fake
camera: the camera waits for "Click to Access Webcam", Record sends frames that reach Python as JPEG files of
the camera's size, the output Image shows each, Stop and time_limit end the stream, and a function that
raises shows its toast and ends the stream while the app keeps working."""

import re
import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import time
    import gradio as gr

    def jpeg_size(data):
        """(width, height) from a JPEG's start-of-frame segment."""
        i = 2
        while i < len(data):
            marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
            if marker in (0xC0, 0xC1, 0xC2):
                return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
            i += 2 + length
        raise ValueError("no JPEG frame header")

    frames = {"live": [], "short": []}

    def on_frame(which, path, fail):
        if fail:
            raise gr.Error("This frame was refused")
        with open(path, "rb") as f:
            data = f.read()
        assert data[:2] == b"\\xff\\xd8", "not a JPEG"
        frames[which].append(jpeg_size(data))
        w, h = frames[which][-1]
        return path, f"{len(frames[which])} frames, JPEG {w}x{h}"

    def count_after_a_while():
        time.sleep(1.5)  # many stream_every periods: a stream still running would add frames meanwhile
        return f"{len(frames['live'])} {len(frames['short'])}"

    with gr.Blocks() as demo:
        with gr.Row():
            cam = gr.Image(label="Camera", sources=["webcam"], type="filepath", elem_id="live-cam")
            out = gr.Image(label="Processed", streaming=True, elem_id="live-out")
        info = gr.Textbox(label="Frames")
        fail = gr.Checkbox(label="Refuse frames")
        later = gr.Textbox(label="Count later", interactive=True)
        gr.Button("Count later").click(count_after_a_while, None, later)
        cam.stream(lambda p, f: on_frame("live", p, f), [cam, fail], [out, info], stream_every=0.2,
                   concurrency_limit=30)

        short_cam = gr.Image(label="Short camera", sources="webcam", streaming=True, type="filepath",
                             elem_id="short-cam")
        short_info = gr.Textbox(label="Short frames")
        short_cam.stream(lambda p: on_frame("short", p, False)[1], short_cam, short_info, stream_every=0.2,
                         time_limit=2)

        # Gradio's streaming_filter_unified: the stream's output is its own input.
        uni = gr.Image(label="Unified", sources=["webcam"], streaming=True, type="filepath", elem_id="uni-cam")
        uni.stream(lambda p: p, uni, uni, stream_every=0.2)
''')

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
    page.goto(source_url("webcam_streaming_app.py", APP))
    page.wait_for_selector('#wasmblocks-app[data-state="ready"]', timeout=60_000)
    yield page
    context.close()


def frames_shown(page, label: str) -> int:
    text = page.get_by_label(label, exact=True).input_value()
    return int(text.split()[0]) if text else 0


def wait_for_frames(page, label: str, at_least: int) -> None:
    """Until the textbox `label` reports `at_least` frames."""
    box = page.get_by_label(label, exact=True).element_handle()
    page.wait_for_function("([el, n]) => parseInt(el.value) >= n", arg=[box, at_least], timeout=30_000)


def count_later(page) -> str:
    """What Python counts (live, short) after sleeping for many stream periods."""
    box = page.get_by_label("Count later", exact=True)
    box.fill("")
    page.get_by_role("button", name="Count later").click()
    expect(box).not_to_have_value("", timeout=15_000)
    return box.input_value()


def test_a_streaming_webcam_waits_for_the_visitor_to_ask(page):
    cam = page.locator("#live-cam")
    expect(cam.get_by_role("button", name="Click to Access Webcam")).to_be_visible()
    expect(page.locator("#short-cam").get_by_role("button", name="Click to Access Webcam")).to_be_visible()
    expect(page.get_by_test_id("webcam")).to_have_count(0)
    assert page.evaluate("window.__cameraRequests") == 0
    cam.get_by_role("button", name="Click to Access Webcam").click()
    expect(cam.get_by_test_id("webcam")).to_be_visible()
    # Live, but not streaming until Record: no frame has gone anywhere.
    expect(cam.get_by_role("button", name="capture photo")).to_have_text(re.compile("Record"))
    assert page.get_by_label("Frames", exact=True).input_value() == ""


def test_record_streams_frames_that_reach_python_as_jpeg_files(page):
    cam = page.locator("#live-cam")
    button = cam.get_by_role("button", name="capture photo")
    expect(button).to_be_enabled(timeout=10_000)
    button.click()
    expect(button).to_have_text(re.compile("Stop"))
    info = page.get_by_label("Frames", exact=True)
    wait_for_frames(page, "Frames", 4)
    expect(info).to_have_value(re.compile(r"^\d+ frames, JPEG \d+x\d+$"))
    # The frame's size is the camera's picture size.
    width, height = page.locator("#live-cam video").evaluate("v => [v.videoWidth, v.videoHeight]")
    assert info.input_value().endswith(f"JPEG {width}x{height}")
    # The output shows the latest frame in place, with no progress overlay over it.
    shown = page.locator("#live-out").get_by_test_id("detailed-image")
    expect(shown).to_be_visible()
    assert shown.evaluate("img => img.naturalWidth") == width
    assert page.locator("#live-out .wb-status, #live-out [data-testid='status-tracker']").count() == 0


def test_stop_ends_the_stream(page):
    cam = page.locator("#live-cam")
    button = cam.get_by_role("button", name="capture photo")
    expect(button).to_have_text(re.compile("Stop"))
    button.click()
    expect(button).to_have_text(re.compile("Record"))
    expect(page.locator("#wasmblocks-app")).to_have_attribute("data-busy", "0", timeout=15_000)
    stopped_at = frames_shown(page, "Frames")
    later = count_later(page)
    assert later.split()[0] == str(stopped_at), later
    assert frames_shown(page, "Frames") == stopped_at


def test_an_error_in_the_function_shows_a_toast_ends_the_stream_and_the_app_keeps_working(page):
    cam = page.locator("#live-cam")
    button = cam.get_by_role("button", name="capture photo")
    page.get_by_label("Refuse frames").check()
    before = frames_shown(page, "Frames")
    button.click()
    expect(page.get_by_test_id("toast-body").filter(has_text="This frame was refused")).to_be_visible(timeout=15_000)
    expect(button).to_have_text(re.compile("Record"), timeout=15_000)
    assert frames_shown(page, "Frames") == before
    page.get_by_label("Refuse frames").uncheck()
    button.click()
    wait_for_frames(page, "Frames", before + 2)
    button.click()
    expect(button).to_have_text(re.compile("Record"))


def test_time_limit_ends_the_stream_by_itself(page):
    short = page.locator("#short-cam")
    short.get_by_role("button", name="Click to Access Webcam").click()
    button = short.get_by_role("button", name="capture photo")
    expect(button).to_be_enabled(timeout=10_000)
    button.click()
    expect(short.locator(".streaming-bar")).to_have_count(1)
    # Nobody presses Stop: the 2-second time_limit hands the button back.
    expect(button).to_have_text(re.compile("Record"), timeout=30_000)
    expect(page.locator("#wasmblocks-app")).to_have_attribute("data-busy", "0", timeout=15_000)
    assert frames_shown(page, "Short frames") >= 1  # it ran (how many frames fit in 2 s depends on the load)
    ended_at = frames_shown(page, "Short frames")
    later = count_later(page)
    assert later.split()[1] == str(ended_at), later


def test_a_stream_whose_output_is_its_input_shows_it_over_the_live_picture(page):
    uni = page.locator("#uni-cam")
    uni.get_by_role("button", name="Click to Access Webcam").click()
    button = uni.get_by_role("button", name="capture photo")
    expect(button).to_be_enabled(timeout=10_000)
    button.click()
    shown = uni.get_by_test_id("stream-image")
    expect(shown).to_be_visible(timeout=30_000)
    first = shown.get_attribute("src")
    # The camera keeps streaming under the picture: the next frames replace it.
    page.wait_for_function("([img, was]) => img.src !== was && img.naturalWidth > 0",
                           arg=[shown.element_handle(), first], timeout=30_000)
    expect(uni.get_by_test_id("webcam")).to_have_count(1)
    button.click()
    expect(button).to_have_text(re.compile("Record"))

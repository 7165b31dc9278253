"""Recording from Chromium's fake microphone and camera: gr.Audio(sources=["microphone"]) hands Python a
WAV file, gr.Video(sources=["webcam"]) a WebM recording made from its live preview, opened only after "Click to Access Webcam"."""

import re
import textwrap
import time

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import os
    import wave
    import gradio as gr

    def describe(path):
        if path is None:
            return "nothing"
        with wave.open(path) as w:
            return f"wav {w.getnchannels()}ch {w.getframerate()}Hz {w.getnframes() / w.getframerate():.1f}s"

    with gr.Blocks() as demo:
        mic = gr.Audio(label="Voice", sources=["microphone"], type="filepath")
        info = gr.Textbox(label="Info")
        events = gr.Textbox(label="Events", value="")
        mic.stop_recording(describe, mic, info)
        mic.start_recording(lambda e: e + "start ", events, events)
        cam = gr.Video(label="Clip", sources=["webcam"])
        clip = gr.Textbox(label="Clip info")
        cam.stop_recording(lambda p: f"{p.rsplit('.', 1)[-1]} {os.path.getsize(p) > 1000}", cam, clip)
''')


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("recording_app.py", APP))
    yield page
    page.context.close()


def test_record_then_stop_gives_python_a_wav(page):
    mic = page.locator(".wb-audio")
    began = time.monotonic()
    mic.get_by_role("button", name="Record").click()
    expect(page.get_by_label("Events")).to_have_value("start ")
    page.wait_for_timeout(1200)
    mic.get_by_role("button", name="Stop recording").click()
    held = time.monotonic() - began  # the recording lies within the time between the two clicks
    info = page.get_by_label("Info", exact=True)
    expect(info).to_have_value(re.compile(r"^wav \dch \d+Hz [0-9.]+s$"), timeout=15_000)
    seconds = float(info.input_value().split()[-1][:-1])
    # Most of the 1.2 s the test waited between the clicks, and never longer than the clicks were apart.
    assert 0.5 <= seconds <= held + 0.25, (seconds, held)
    expect(mic.locator("audio")).to_have_attribute("src", re.compile("^blob:"))


def test_webcam_video_recording_reaches_python(page):
    block = page.locator(".wb-video")
    # As in Gradio: the camera waits for the visitor's click on the prompt, then shows a live preview.
    expect(block.get_by_test_id("webcam")).to_have_count(0)
    block.get_by_role("button", name="Click to Access Webcam").click()
    expect(block.get_by_test_id("webcam")).to_be_visible()
    button = block.get_by_role("button", name="start recording")
    expect(button).to_be_enabled(timeout=10_000)
    button.click()
    expect(button).to_have_text(re.compile("Stop"))
    page.wait_for_timeout(1200)
    button.click()
    expect(page.get_by_label("Clip info")).to_have_value("webm True", timeout=15_000)

"""gr.Audio(streaming=True) with Chromium's fake microphone: nothing is recorded until Record; then WAV chunks of
what it heard reach the .stream() listener one after another (the same page mechanism as the streaming
webcam), start_recording / stop_recording fire, and Stop ends the stream."""

import re
import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import time
    import wave
    import gradio as gr

    chunks = []

    def on_chunk(path):
        with wave.open(path) as w:
            chunks.append((w.getnchannels(), w.getframerate(), w.getnframes()))
        channels, rate, _ = chunks[-1]
        heard = sum(n for _, _, n in chunks) / rate
        return f"{len(chunks)} chunks, {channels}ch {rate}Hz, {heard:.1f}s"

    def count_after_a_while():
        time.sleep(1.5)  # many stream_every periods: a stream still running would add chunks meanwhile
        return str(len(chunks))

    with gr.Blocks() as demo:
        mic = gr.Audio(label="Voice", sources=["microphone"], streaming=True, type="filepath")
        info = gr.Textbox(label="Heard")
        events = gr.Textbox(label="Events", value="")
        later = gr.Textbox(label="Count later", interactive=True)
        gr.Button("Count later").click(count_after_a_while, None, later)
        mic.stream(on_chunk, mic, info, stream_every=0.3)
        mic.start_recording(lambda e: e + "start ", events, events)
        mic.stop_recording(lambda e: e + "stop ", events, events)
''')


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("microphone_streaming_app.py", APP))
    yield page
    page.context.close()


def test_record_streams_wav_chunks_and_stop_ends_it(page):
    heard = page.get_by_label("Heard", exact=True)
    assert heard.input_value() == ""
    page.locator(".wb-audio").get_by_role("button", name="Record").click()
    expect(page.get_by_label("Events")).to_have_value("start ")
    box = heard.element_handle()
    page.wait_for_function("el => parseInt(el.value) >= 3", arg=box, timeout=30_000)
    expect(heard).to_have_value(re.compile(r"^\d+ chunks, 1ch \d{4,6}Hz, [0-9.]+s$"))
    page.locator(".wb-audio").get_by_role("button", name="Stop recording").click()
    expect(page.get_by_label("Events")).to_have_value("start stop ")
    expect(page.locator("#wasmblocks-app")).to_have_attribute("data-busy", "0", timeout=15_000)
    stopped_at = int(heard.input_value().split()[0])
    later = page.get_by_label("Count later", exact=True)
    page.get_by_role("button", name="Count later").click()
    expect(later).not_to_have_value("", timeout=15_000)
    assert later.input_value() == str(stopped_at)
    # Each chunk held sound: the stream heard about as long as it ran, not one empty file per tick.
    assert float(heard.input_value().split()[-1][:-1]) > 0.3

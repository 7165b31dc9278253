"""gr.Audio(streaming=True) as an output: the chunks a generator yields play one after another in the same
player, none lost when they come faster than the page renders, and its stop event fires after the last."""

import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import math
    import struct
    import tempfile
    import wave
    import gradio as gr

    def tone(seconds, pitch):
        path = tempfile.NamedTemporaryFile(suffix=".wav", delete=False).name
        with wave.open(path, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(8000)
            w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i * pitch)))
                                   for i in range(int(8000 * seconds))))
        return path

    def speak():
        # Made first, then three yields back to back: they land within one animation frame.
        chunks = [tone(seconds, pitch) for seconds, pitch in ((0.6, 0.1), (0.4, 0.2), (0.5, 0.3))]
        yield from chunks

    with gr.Blocks() as demo:
        voice = gr.Audio(label="Voice", streaming=True, autoplay=True)
        done = gr.Textbox(label="Done")
        gr.Button("Speak").click(speak, None, voice)
        voice.stop(lambda: "played", None, done)
''')


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("audio_stream_out_app.py", APP))
    yield page
    page.context.close()


def test_yielded_chunks_play_in_order(page):
    page.get_by_role("button", name="Speak").click()
    player = page.get_by_test_id("Voice-audio")
    expect(player).to_have_attribute("data-chunk", "1/3", timeout=30_000)
    durations = []
    for n in (1, 2, 3):
        expect(player).to_have_attribute("data-chunk", f"{n}/3", timeout=30_000)
        page.wait_for_function("a => a.duration > 0", arg=player.element_handle(), timeout=30_000)
        durations.append(round(player.evaluate("a => a.duration"), 1))
        if n < 3:
            assert page.get_by_label("Done").input_value() == ""
    assert durations == [0.6, 0.4, 0.5]
    expect(page.get_by_label("Done")).to_have_value("played", timeout=30_000)

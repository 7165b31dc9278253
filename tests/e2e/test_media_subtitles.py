"""Audio/Video subtitles= (SRT or cue lists, turned into WebVTT) and playback_position=, in a real player;
Image/Video watermark= drawn over the media; the plots' y_axis_format in the drawn axis."""

import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import math, struct, wave, zlib
    import gradio as gr

    def png(width, height, rgb):
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        rows = b"".join(b"\\x00" + bytes(rgb) * width for _ in range(height))
        return (b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))

    open("photo.png", "wb").write(png(200, 100, (0, 0, 255)))
    open("mark.png", "wb").write(png(20, 10, (255, 0, 0)))

    with wave.open("tone.wav", "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(6000 * math.sin(i / 5))) for i in range(8000 * 4)))
    with open("talk.srt", "w") as f:
        f.write("1\\n00:00:00,000 --> 00:00:04,000\\nSpoken words\\n")

    with gr.Blocks() as demo:
        gr.Audio("tone.wav", label="Tone", playback_position=1.5,
                 subtitles=[{"text": "First cue", "timestamp": [0, 3]}, {"text": "Last cue", "timestamp": [3, 4]}])
        gr.Video("tone.wav", label="Clip", subtitles="talk.srt", playback_position=1)
        gr.Image("photo.png", label="Marked", watermark="mark.png", interactive=False)
        gr.LinePlot({"x": [1, 2, 3], "y": [1000, 2000, 3000]}, x="x", y="y", y_axis_format=".1e", label="Formatted")
''')


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("media_subtitles.py", APP))
    yield page
    page.context.close()


def test_audio_starts_at_the_position_and_shows_the_cue(page):
    audio = page.get_by_test_id("Tone-audio")
    page.wait_for_function("el => el.readyState >= 1 && Math.abs(el.currentTime - 1.5) < 0.01", arg=audio.element_handle())
    audio.evaluate("el => { el.muted = true; return el.play(); }")
    expect(page.get_by_test_id("subtitle")).to_have_text("First cue", timeout=10_000)
    audio.evaluate("el => { el.currentTime = 3.5; }")
    expect(page.get_by_test_id("subtitle")).to_have_text("Last cue", timeout=10_000)


def test_video_subtitles_from_srt_load_as_a_track(page):
    video = page.get_by_test_id("Clip-player")
    page.wait_for_function("el => el.readyState >= 1 && Math.abs(el.currentTime - 1) < 0.01", arg=video.element_handle())
    page.wait_for_function("el => el.textTracks.length && el.textTracks[0].cues && el.textTracks[0].cues.length === 1",
                           arg=video.element_handle(), timeout=10_000)
    assert video.evaluate("el => el.textTracks[0].cues[0].text") == "Spoken words"


def test_axis_labels_use_the_format(page):
    plot = page.locator(".wb-native-plot")
    expect(plot.locator("svg text", has_text="3.0e+3").first).to_be_attached(timeout=30_000)


def test_image_watermark_sits_in_the_bottom_right_corner(page):
    photo = page.get_by_test_id("detailed-image")
    mark = page.get_by_test_id("watermark")
    expect(mark).to_be_visible()
    page.wait_for_function("el => el.complete && el.naturalWidth === 20", arg=mark.element_handle())
    p, m = photo.bounding_box(), mark.bounding_box()
    assert abs((p["x"] + p["width"]) - (m["x"] + m["width"]) - 10) < 2
    assert abs((p["y"] + p["height"]) - (m["y"] + m["height"]) - 10) < 2

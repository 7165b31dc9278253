"""gr.Video(streaming=True) as an output: the files a generator yields play one after another in the same
player (Gradio streams them as one video), each chunk kept even when several land in one animation frame,
and the player's end event fires once the last chunk has played."""

import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import gradio as gr
    from gradio.media import get_video

    def chunks():
        # Two yields back to back: the page renders only the last value of a frame, and must still play both.
        yield get_video("b.mp4")
        yield get_video("a.mp4")

    with gr.Blocks() as demo:
        stream = gr.Video(label="Stream", streaming=True, autoplay=True, elem_id="stream")
        ended = gr.Textbox(label="Ended")
        gr.Button("Start").click(chunks, None, stream)
        stream.end(lambda: "ended", None, ended)
''')


@pytest.fixture(scope="module")
def page(browser, source_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(source_url("video_streaming_app.py", APP))
    page.wait_for_selector('#wasmblocks-app[data-state="ready"]', timeout=60_000)
    yield page
    context.close()


def test_yielded_chunks_play_one_after_another(page):
    page.get_by_role("button", name="Start").click()
    player = page.get_by_test_id("Stream-player")
    expect(player).to_have_attribute("data-chunk", "1/2", timeout=30_000)
    first = player.evaluate("v => v.src")
    page.wait_for_function("v => v.currentTime > 0", arg=player.element_handle(), timeout=30_000)
    assert 1.5 < player.evaluate("v => v.duration") < 2.5  # b.mp4 plays first
    # No end event between chunks: the stream goes on to the next one.
    expect(player).to_have_attribute("data-chunk", "2/2", timeout=30_000)
    assert page.get_by_label("Ended").input_value() == ""
    assert player.evaluate("v => v.src") != first
    page.wait_for_function("v => v.currentTime > 0 && !v.paused || v.ended", arg=player.element_handle(),
                           timeout=30_000)
    assert 2.5 < player.evaluate("v => v.duration") < 3.5  # then a.mp4
    expect(page.get_by_label("Ended")).to_have_value("ended", timeout=30_000)

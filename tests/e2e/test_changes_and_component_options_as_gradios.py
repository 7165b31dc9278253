"""Gradio fires `change` when a Button's, Timer's or Dataset's value changes (an update or a click), and
`input` when a Video is uploaded; HighlightedText(show_whitespaces=…), gr.layouts.Form,
gr.components.Fallback and gr.Request.headers render and read as in Gradio."""

import json
import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import json
    import gradio as gr

    with gr.Blocks() as demo:
        button_log = gr.Textbox(label="Button log")
        target = gr.Button("Old text")
        rename = gr.Button("Rename")
        rename.click(lambda: gr.update(value="New text"), outputs=target)
        target.change(lambda v: f"button says {v}", target, button_log)

        timer = gr.Timer(30, active=False)
        timer_log = gr.Textbox(label="Timer log")
        faster = gr.Button("Faster")
        faster.click(lambda: 20, outputs=timer)
        timer.change(lambda v: f"every {v} s", timer, timer_log)

        samples = gr.Dataset(components=[gr.Textbox(render=False)], samples=[["first"], ["second"]],
                             type="index", label="Samples")
        dataset_log = gr.Textbox(label="Dataset log")
        samples.change(lambda i: f"sample {i}", samples, dataset_log)

        video = gr.Video(label="Clip", elem_id="clip")
        video_log = gr.Textbox(label="Video log")
        video.input(lambda v: "input: " + v.rsplit("/", 1)[-1], video, video_log)

        tokens = [("Hello", None), ("   ", "gap"), ("world", "noun")]
        gr.HighlightedText(tokens, label="Spaced", elem_id="spaced")
        gr.HighlightedText(tokens, label="Tight", show_whitespaces=False, elem_id="tight")

        with gr.Row():
            with gr.layouts.Form() as form:
                gr.Textbox(label="First field")
                gr.Textbox(label="Second field")
        gr.components.Fallback({"custom": [1, 2]}, elem_id="fallback")

        headers = gr.Textbox(label="Headers")

        def read_headers(request: gr.Request):
            names = ("user-agent", "accept-language", "host", "origin", "referer")
            seen = {name: request.headers.get(name) for name in names}
            return json.dumps({**seen, "cased": request.headers["User-Agent"]}, sort_keys=True)

        demo.load(read_headers, None, headers)
''')


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("changes_and_options.py", APP))
    yield page
    page.context.close()


def test_button_change_fires_when_an_update_changes_its_text(page):
    expect(page.get_by_label("Button log")).to_have_value("")
    page.get_by_role("button", name="Rename").click()
    expect(page.get_by_role("button", name="New text")).to_be_visible()
    expect(page.get_by_label("Button log")).to_have_value("button says New text")


def test_timer_change_fires_when_its_interval_is_updated(page):
    page.get_by_role("button", name="Faster").click()
    expect(page.get_by_label("Timer log")).to_have_value("every 20.0 s")


def test_dataset_change_fires_when_another_sample_is_clicked(page):
    page.get_by_text("second", exact=True).click()
    expect(page.get_by_label("Dataset log")).to_have_value("sample 1")


def test_video_input_fires_on_upload(page):
    page.locator("#clip").get_by_test_id("file-upload").set_input_files(
        {"name": "clip.mp4", "mimeType": "video/mp4", "buffer": b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64})
    expect(page.get_by_label("Video log")).to_have_value("input: clip.mp4")


def test_show_whitespaces_keeps_or_drops_blank_tokens(page):
    # Gradio's default shows a token of blanks (here a labelled one); show_whitespaces=False leaves it out.
    expect(page.locator("#spaced .textspan")).to_have_count(3)
    expect(page.locator("#spaced .hl").first.locator(".text")).to_have_text("   ")
    expect(page.locator("#tight .textspan")).to_have_count(2)
    expect(page.locator("#tight .hl .text")).to_have_text("world")


def test_form_joins_its_fields_in_one_panel_side_by_side(page):
    first = page.get_by_label("First field").bounding_box()
    second = page.get_by_label("Second field").bounding_box()
    # Other fields of the page have their own .form boxes (Gradio groups consecutive form fields); the two
    # fields of the gr.layouts.Form share one, not nested in another.
    form = page.locator(".form").filter(has=page.get_by_label("First field"))
    expect(form).to_have_count(1)
    expect(form.get_by_label("Second field")).to_be_visible()
    assert first and second and abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"]


def test_fallback_shows_its_value_as_open_json(page):
    expect(page.locator("#fallback")).to_contain_text("custom")
    expect(page.locator("#fallback")).to_contain_text("2")


def test_request_headers_are_the_pages_own(page):
    expected = page.evaluate("""() => ({
        'user-agent': navigator.userAgent, 'accept-language': navigator.languages.join(','),
        host: location.host, origin: location.origin, referer: document.referrer || null,
        cased: navigator.userAgent})""")
    box = page.get_by_label("Headers")
    expect(box).not_to_have_value("")
    assert json.loads(box.input_value()) == expected

"""Gradio 6 constructor parameters a visitor sees: preserved_by_key in @gr.render, html_attributes,
link_target, Dropdown(num_choices_shown), Gallery(fit_columns, sources=["webcam"] behind its prompt)."""

import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import gradio as gr

    with gr.Blocks() as demo:
        count = gr.Number(1, label="Runs", precision=0)

        @gr.render(inputs=count)
        def keyed(n):
            # Same key on each run: the typed value stays; the untouched one follows the new constructor;
            # a label a listener set stays only where preserved_by_key names "label".
            gr.Textbox(value=f"built {n}", label="Typed", key="typed", interactive=True)
            gr.Textbox(value=f"built {n}", label="Untouched", key="untouched")
            named = gr.Textbox(value="", label=f"Label {n}", key="named", preserved_by_key=["value", "label"])
            plain = gr.Textbox(value="", label=f"Plain {n}", key="plain")
            gr.Button("Rename").click(lambda: (gr.Textbox(label="Renamed"), gr.Textbox(label="Renamed too")),
                                      None, [named, plain])

        gr.Textbox(label="No autocorrect", html_attributes=gr.InputHTMLAttributes(
            autocorrect="off", spellcheck=False, lang="fr", enterkeyhint="send"))
        gr.Button("Docs here", link="https://example.com/")
        gr.Button("Docs in a tab", link="https://example.com/", link_target="_blank")
        gr.Dropdown([f"item {i}" for i in range(30)], label="Many", num_choices_shown=10, interactive=True)
        gr.Gallery(label="Camera roll", sources=["webcam"], interactive=True)
''')


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("component_params.py", APP))
    yield page
    page.context.close()


def rerun(page, n):
    runs = page.get_by_role("spinbutton", name="Runs")
    runs.fill(str(n))
    runs.press("Enter")


def test_preserved_by_key_keeps_changed_props_only(page):
    page.get_by_label("Typed").fill("mine")
    page.get_by_role("button", name="Rename").click()
    expect(page.get_by_label("Renamed", exact=True)).to_be_visible()
    rerun(page, 2)
    expect(page.get_by_label("Untouched")).to_have_value("built 2")
    expect(page.get_by_label("Typed")).to_have_value("mine")
    expect(page.get_by_label("Renamed", exact=True)).to_be_visible()  # label in preserved_by_key: kept
    expect(page.get_by_label("Plain 2", exact=True)).to_be_visible()  # value only: the label is rebuilt


def test_html_attributes_are_on_the_input(page):
    box = page.get_by_label("No autocorrect")
    assert box.get_attribute("autocorrect") == "off" and box.get_attribute("spellcheck") == "false"
    assert box.get_attribute("lang") == "fr" and box.get_attribute("enterkeyhint") == "send"


def test_link_target(page):
    assert page.get_by_role("link", name="Docs here").get_attribute("target") == "_self"
    tab = page.get_by_role("link", name="Docs in a tab")
    assert tab.get_attribute("target") == "_blank" and tab.get_attribute("rel") == "noopener noreferrer"


def test_dropdown_shows_a_batch_then_more_on_scroll(page):
    page.get_by_label("Many").click()
    options = page.get_by_test_id("dropdown-option")
    expect(options).to_have_count(10)
    page.get_by_role("listbox").evaluate("el => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); }")
    expect(options).to_have_count(20)
    page.get_by_label("Many").press("Escape")


def test_gallery_webcam_waits_for_the_prompt(page):
    gallery = page.locator(".wb-gallery")
    expect(gallery.get_by_role("button", name="Click to Access Webcam")).to_be_visible()
    expect(gallery.get_by_test_id("webcam")).to_have_count(0)
    gallery.get_by_role("button", name="Click to Access Webcam").click()
    capture = gallery.get_by_role("button", name="capture photo")
    expect(capture).to_be_enabled(timeout=10_000)
    capture.click()
    expect(gallery.get_by_role("button", name="Thumbnail 1 of 1")).to_be_visible(timeout=10_000)


LAYOUT_APP = textwrap.dedent('''
    import gradio as gr

    with gr.Blocks() as demo:
        with gr.Column(min_width=300):
            with gr.Tabs():
                for i in range(12):
                    with gr.Tab(f"Tab number {i}"):
                        gr.Textbox(f"content {i}", label=f"In tab {i}")
                with gr.Tab("Settings", alignment="right"):
                    gr.Markdown("settings")
        with gr.Tabs(overflow_behavior="wrap"):
            for i in range(12):
                with gr.Tab(f"Wrapped {i}"):
                    pass
        with gr.Accordion("Tall", height=100):
            for i in range(8):
                gr.Textbox(label=f"Row {i}")
        gr.Chatbot([{"role": "assistant", "content": "<thinking>hmm</thinking> Done"}], label="Tags shown")
''')


def test_tabs_overflow_into_a_menu_or_wrap(open_app, source_url):
    page = open_app(source_url("layout_params.py", LAYOUT_APP), viewport={"width": 700, "height": 900})
    more = page.get_by_role("button", name="More tabs")
    expect(more).to_be_visible()
    hidden = page.get_by_role("tab", name="Tab number 11", include_hidden=True)
    expect(hidden).to_be_hidden()
    more.click()
    page.locator(".overflow-dropdown").get_by_role("button", name="Tab number 11").click()
    expect(page.get_by_label("In tab 11")).to_be_visible()
    # The right-aligned tab stays in the bar, at its right end.
    bar = page.get_by_role("tablist").first.bounding_box()
    settings = page.get_by_role("tab", name="Settings").bounding_box()
    assert settings and bar and settings["x"] + settings["width"] > bar["x"] + bar["width"] - 160
    # wrap: every tab visible, on more than one row.
    first, last = page.get_by_role("tab", name="Wrapped 0"), page.get_by_role("tab", name="Wrapped 11")
    expect(last).to_be_visible()
    assert last.bounding_box()["y"] > first.bounding_box()["y"]
    # Accordion(height=100): its content scrolls.
    content = page.get_by_test_id("accordion-content")
    assert content.evaluate("el => el.clientHeight <= 100 && el.scrollHeight > el.clientHeight")
    # allow_tags=True (Gradio's default): a custom tag shows as text.
    expect(page.get_by_test_id("bot").first).to_contain_text("<thinking>hmm</thinking> Done")

"""gr.Dialogue edited as a user would: lines, speakers, tags, the plain-text view; and what Python receives."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

GRADIO_DEMOS = Path(__file__).resolve().parents[1] / "data" / "gradio_demos"  # vendored: see its README.md

APP = """
import gradio as gr

with gr.Blocks() as demo:
    lines = gr.Dialogue(speakers=["Ann", "Bob"], tags=["(laughs)", "(pause)", "(sighs)"], type="list",
                        submit_btn=True, interactive=True, max_lines=3, buttons=["copy"], label="Lines")
    got = gr.Textbox(label="Got lines")
    typed = gr.Number(label="Input events", value=0)
    lines.submit(repr, lines, got)
    lines.input(lambda n: n + 1, typed, typed)
    fill = gr.Button("Fill from Python")
    fill.click(lambda: [{"speaker": "Bob", "text": "From Python"}, {"speaker": "Ann", "text": "Hello Bob"}],
               None, lines)

    text = gr.Dialogue([{"speaker": "Ann", "text": "Hi"}], speakers=["Ann", "Bob"], label="As text",
                       interactive=True, submit_btn="Send")
    got_text = gr.Textbox(label="Got text", lines=4)
    text.submit(lambda v: v, text, got_text)

    count = gr.Button("Count lines")
    counted = gr.Textbox(label="Counted")
    toolbar = gr.Dialogue([{"speaker": "Ann", "text": "One"}, {"speaker": "Bob", "text": "Two"}],
                          speakers=["Ann", "Bob"], label="Toolbar", buttons=["copy", count])
    count.click(lambda v: f"{len(v.splitlines())} lines", toolbar, counted)

    long = gr.Dialogue(speakers=["Ann"], label="Long", ui_mode="text")
    gr.Button("Fill long").click(lambda: "\\n".join(f"[Ann] line {i}" for i in range(40)), None, long)
"""


def dialogue(page, label):
    return page.get_by_role("group", name=label, exact=True)


def line(group, n):
    return group.get_by_role("textbox", name=f"Line {n}", exact=True)


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("dialogue_app.py", APP), permissions=["clipboard-read", "clipboard-write"])
    yield page
    page.context.close()


def test_lines_speakers_add_remove_and_the_list_python_receives(page):
    d = dialogue(page, "Lines")
    expect(line(d, 1)).to_have_value("")
    line(d, 1).fill("Good morning")
    d.get_by_test_id("dialogue-add-button-0").click()
    expect(line(d, 2)).to_be_focused()
    line(d, 2).press_sequentially("Hi Ann")
    d.get_by_label("Speaker of line 2").select_option("Bob")
    d.get_by_test_id("dialogue-add-button-1").click()
    line(d, 3).fill("Gone soon")
    # max_lines=3: the last line offers no "Add new line".
    expect(d.get_by_test_id("dialogue-add-button-2")).to_have_count(0)
    d.get_by_test_id("dialogue-delete-button-2").click()
    expect(line(d, 3)).to_have_count(0)
    d.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Got lines")).to_have_value(
        "[{'speaker': 'Ann', 'text': 'Good morning'}, {'speaker': 'Bob', 'text': 'Hi Ann'}]")
    expect(page.get_by_label("Input events")).not_to_have_value("0")  # typing in a line fires `input`


def test_colon_opens_the_tag_menu_and_enter_inserts_a_tag(page):
    d = dialogue(page, "Lines")
    line(d, 1).fill("")
    line(d, 1).press_sequentially("Ha :si")
    menu = d.get_by_test_id("dialogue-tag-menu")
    expect(menu.get_by_role("option")).to_have_text(["(sighs)"])
    line(d, 1).press("Enter")
    expect(menu).to_have_count(0)
    expect(line(d, 1)).to_have_value("Ha (sighs) ")
    line(d, 1).press_sequentially("then :")
    expect(menu.get_by_role("option")).to_have_count(3)
    menu.get_by_role("option", name="(pause)").click()
    expect(line(d, 1)).to_have_value("Ha (sighs) then (pause) ")
    d.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Got lines")).to_have_value(re.compile(r"'text': 'Ha \(sighs\) then \(pause\) '"))


def test_values_from_python_and_the_copy_button(page):
    page.get_by_role("button", name="Fill from Python").click()
    d = dialogue(page, "Lines")
    expect(line(d, 1)).to_have_value("From Python")
    expect(d.get_by_label("Speaker of line 1")).to_have_value("Bob")
    d.get_by_role("button", name="Copy").click()
    expect(d.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == "[Bob] From Python\n[Ann] Hello Bob"


def test_plain_text_view_round_trips_through_python(page):
    d = dialogue(page, "As text")
    switch = d.get_by_role("switch")
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "true")
    box = d.get_by_test_id("textbox")
    expect(box).to_have_value("[Ann] Hi")  # Gradio's default formatter, run in Python
    box.fill("[Ann] Hi\n[Bob] Hello there\nno speaker given")
    switch.click()
    expect(line(d, 3)).to_have_value("no speaker given")
    expect(d.get_by_label("Speaker of line 2")).to_have_value("Bob")
    expect(d.get_by_label("Speaker of line 3")).to_have_value("Ann")  # the unformatter's default speaker
    d.get_by_role("button", name="Send").click()
    expect(page.get_by_label("Got text")).to_have_value("[Ann] Hi\n[Bob] Hello there\n[Ann] no speaker given")
    # Submitting from the plain-text view reads the text back into lines first.
    switch.click()
    box.fill("[Bob] Only this")
    d.get_by_role("button", name="Send").click()
    expect(page.get_by_label("Got text")).to_have_value("[Bob] Only this")
    assert not page.wasmblocks_errors


def test_text_the_app_sets_scrolls_to_its_end(page):
    page.get_by_role("button", name="Fill long").click()
    box = dialogue(page, "Long").get_by_test_id("textbox")
    expect(box).to_have_value(re.compile(r"line 39$"))
    assert box.evaluate("el => el.scrollTop > 0 && el.scrollTop + el.clientHeight >= el.scrollHeight - 2")


def test_read_only_dialogue_shows_speaker_colours(open_app, site_url):
    page = open_app(site_url("studio"))
    page.get_by_role("button", name="Write the script").click()
    page.get_by_role("button", name="Use script").click()
    review = dialogue(page, "Script as lines")
    expect(review.get_by_text("Host", exact=True)).to_be_visible()
    host_line = review.locator(".dialogue-line").first
    assert "191, 219, 254" in host_line.evaluate("el => getComputedStyle(el.querySelector('textarea')).backgroundColor")
    expect(line(review, 1)).to_be_disabled()
    expect(page.get_by_label("Script as text")).to_have_value("HOST: Welcome to the show.\nGUEST: Glad to be here.")


def test_gradio_dialogue_component_demo(open_app, site_url):
    page = open_app(site_url(GRADIO_DEMOS / "dialogue_component" / "run.py"))
    d = dialogue(page, "Dialogue")
    expect(line(d, 1)).to_have_value("Hello, how are you?")
    expect(d.get_by_label("Speaker of line 2")).to_have_value("Speaker 2")
    expect(d.get_by_text("Type colon (:) in the dialogue line to see the available tags")).to_be_visible()
    line(d, 2).press("End")
    line(d, 2).press_sequentially(" :cl")
    expect(d.get_by_test_id("dialogue-tag-menu").get_by_role("option")).to_have_text(["(clears throat)"])
    # As in Gradio, this demo has no submit button (submit_btn defaults to False).
    expect(d.get_by_test_id("dialogue-submit-button")).to_have_count(0)
    assert not page.wasmblocks_errors


def test_a_custom_toolbar_button_runs_its_listener(page):
    # buttons=[gr.Button(…)]: the button sits in the dialogue's toolbar (not where it was made) and fires click.
    d = dialogue(page, "Toolbar")
    d.get_by_role("button", name="Count lines").click()
    expect(page.get_by_label("Counted")).to_have_value("2 lines")
    expect(page.get_by_role("button", name="Count lines")).to_have_count(1)

"""gr.Number keeps what is typed, key by key: intermediate text ("-", "-0", "1e", "1.", ".5") stays as it
is, the handler receives the number the text means, and text that is no number yet shows the error state."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

APP = '''
import gradio as gr

with gr.Blocks() as demo:
    number = gr.Number(label="Amount")
    got = gr.Textbox(label="Got")
    submitted = gr.Textbox(label="Submitted")
    number.input(lambda x: repr(x), number, got)
    number.submit(lambda x: repr(x), number, submitted)
    gr.Button("Reset").click(lambda: (None, "", ""), None, [number, got, submitted])
    gr.Button("Set 2.5").click(lambda: 2.5, None, number)
    bounded = gr.Number(label="Bounded", minimum=0, maximum=10)
'''

# Each key typed, the value the handler then holds (None: no number yet), and whether the field is in error.
# A whole number arrives as an int, as on Gradio (Number without precision passes the number as sent);
# "-0" arrives as 0: the same number (the message is JSON, which, as in Gradio, has no negative zero).
CASES = {
    "-0.5": [("-", None, True), ("0", "0", False), (".", "0", False), ("5", "-0.5", False)],
    "1e10": [("1", "1", False), ("e", None, True), ("1", "10", False), ("0", "10000000000", False)],
    "1e-3": [("1", "1", False), ("e", None, True), ("-", None, True), ("3", "0.001", False)],
    ".5": [(".", None, True), ("5", "0.5", False)],
    "1.25": [("1", "1", False), (".", "1", False), ("2", "1.2", False), ("5", "1.25", False)],
    "-0.": [("-", None, True), ("0", "0", False), (".", "0", False)],
}


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("number_typing.py", APP))
    yield page
    page.context.close()


def reset(page):
    page.get_by_role("button", name="Reset").click()
    expect(page.get_by_label("Amount")).to_have_value("")
    expect(page.get_by_label("Got")).to_have_value("")


@pytest.mark.parametrize("text", list(CASES))
def test_typed_key_by_key_the_text_stays_and_the_handler_gets_its_number(page, text):
    reset(page)
    field = page.get_by_label("Amount")
    got = page.get_by_label("Got")
    field.click()
    typed = ""
    for key, expected, invalid in CASES[text]:
        field.press(key)
        typed += key
        if expected is not None:
            expect(got).to_have_value(expected)
        if invalid:
            expect(field).to_have_attribute("aria-invalid", "true")
        else:
            expect(field).not_to_have_attribute("aria-invalid", "true")
        if not invalid and not typed.endswith("."):
            # A complete number reads back exactly as typed ("-0" is not "0", "1e1" is not "10").
            expect(field).to_have_value(typed)
    assert not page.wasmblocks_errors


def test_what_is_submitted_is_the_number_shown(page):
    reset(page)
    field = page.get_by_label("Amount")
    field.click()
    page.keyboard.type("1e1", delay=30)
    field.press("Enter")
    expect(page.get_by_label("Submitted")).to_have_value("10")
    expect(field).to_have_value("1e1")


def test_invalid_text_sends_none_and_shows_the_error_state(page):
    reset(page)
    field = page.get_by_label("Amount")
    field.click()
    page.keyboard.type("12", delay=30)
    expect(page.get_by_label("Got")).to_have_value("12")
    page.keyboard.type("e", delay=30)
    expect(page.get_by_label("Got")).to_have_value("None")
    expect(field).to_have_attribute("aria-invalid", "true")
    border = field.evaluate("el => getComputedStyle(el).borderTopColor")
    page.keyboard.press("Backspace")
    expect(page.get_by_label("Got")).to_have_value("12")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    assert field.evaluate("el => getComputedStyle(el).borderTopColor") != border  # the error border went away


def test_a_value_from_python_replaces_the_text(page):
    reset(page)
    field = page.get_by_label("Amount")
    field.click()
    page.keyboard.type("-0", delay=30)
    expect(page.get_by_label("Got")).to_have_value("0")
    page.get_by_role("button", name="Set 2.5").click()
    expect(field).to_have_value("2.5")
    reset(page)  # and None empties it
    expect(field).to_have_value("")


def test_out_of_range_is_an_error_state_too(page):
    bounded = page.get_by_label("Bounded")
    expect(bounded).to_have_value("0")  # an empty Number starts at 0, as Gradio's page sets it
    bounded.fill("")
    page.keyboard.type("20", delay=30)
    expect(bounded).to_have_attribute("aria-invalid", "true")
    page.keyboard.press("Backspace")
    expect(bounded).not_to_have_attribute("aria-invalid", "true")
    expect(bounded).to_have_value("2")

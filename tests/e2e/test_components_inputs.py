"""Form components in the gallery: a value set in the page reaches Python as the right type (echoed with
repr()), events fire, and values/props set from Python show in the page."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("gallery"))
    yield page
    page.context.close()


def got(page, name):
    return page.get_by_label(f"{name} got", exact=True)


def test_textbox_change_submit_stop_select_copy(page):
    box = page.get_by_label("Text", exact=False).first
    box.fill("hello")
    expect(got(page, "Text")).to_have_value("'hello'")
    event = page.get_by_label("Text event")
    box.press("Enter")
    expect(event).to_have_value("submit 'hello'")
    page.get_by_test_id("stop-button").first.click()
    expect(event).to_have_value("stop")
    page.get_by_test_id("submit-button").first.click()
    expect(event).to_have_value("submit 'hello'")
    box.evaluate("el => { el.focus(); el.setSelectionRange(1, 4); el.dispatchEvent(new Event('select')); }")
    expect(event).to_have_value("select [1, 4] 'ell'")
    page.get_by_role("button", name="Copy").first.click()
    expect(event).to_have_value("copy 'hello'")
    assert box.get_attribute("maxlength") == "40" and box.get_attribute("data-testid") == "textbox"


def test_password_and_email(page):
    password = page.get_by_label("Password", exact=True)
    assert password.get_attribute("type") == "password" and password.get_attribute("data-testid") == "password"
    password.fill("s3cret")
    page.get_by_label("Email", exact=True).fill("a@b.c")
    expect(got(page, "Password")).to_have_value("'s3cret' 'a@b.c'")


def test_number_precision_and_bounds_error(page):
    number = page.get_by_label("Number", exact=False).first
    number.fill("12.345")
    expect(got(page, "Number")).to_have_value("12.35")
    number.fill("500")
    expect(page.get_by_test_id("toast-body").filter(has_text="greater than the maximum 100")).to_be_visible()
    number.fill("7.5")
    expect(got(page, "Number")).to_have_value("7.5")


def test_slider_release_sends_the_value(page):
    rng = page.get_by_label("range slider for Slider")
    rng.focus()
    rng.press("ArrowRight")
    expect(got(page, "Slider")).to_have_value("release 4.5")
    expect(page.get_by_label("number input for Slider")).to_have_value("4.5")


def test_checkbox_group_radio(page):
    page.get_by_label("Checkbox", exact=True).check()
    expect(got(page, "Checkbox")).to_have_value("True")
    group = page.get_by_test_id("checkbox-group")
    group.get_by_label("Cheese").check()
    group.get_by_label("Olives").check()
    expect(got(page, "Toppings")).to_have_value("['cheese', 'Olives']")
    expect(page.get_by_role("group", name="Toppings")).to_be_visible()
    page.get_by_test_id("L-radio-label").click()
    expect(got(page, "Size")).to_have_value("2")  # type="index"
    expect(page.get_by_role("radiogroup", name="Size")).to_be_visible()


def test_dropdown_single_multi_custom_and_key_up(page):
    page.get_by_role("combobox", name="Fruit").click()
    page.get_by_role("option", name="Banana").click()
    expect(got(page, "Fruit")).to_have_value("'banana'")
    tags = page.get_by_role("combobox", name="Tags")
    tags.click()
    page.get_by_role("option", name="red").click()
    tags.press_sequentially("purple")
    expect(got(page, "Key")).to_have_value("e 'purple'")
    tags.press("Enter")
    expect(got(page, "Tags")).to_have_value("['red', 'purple']")


def test_color_picker_and_datetime(page):
    swatch = page.get_by_role("button", name="Color", exact=True)
    expect(swatch).to_have_attribute("data-value", "#ff0000")
    swatch.click()
    text = page.get_by_label("Color value")
    expect(text).to_have_value("#ff0000")
    text.fill("rgb(0, 0, 255)")
    text.press("Enter")
    expect(got(page, "Color")).to_have_value("'#0000ff'")
    expect(swatch).to_have_attribute("data-value", "#0000ff")
    page.get_by_role("button", name="RGB").click()
    expect(text).to_have_value("rgb(0, 0, 255)")
    day = page.get_by_label("Day", exact=True)
    day.fill("2024-03-01")
    day.press("Enter")
    expect(got(page, "Day")).to_have_value("'2024-03-01'")
    moment = page.get_by_label("Moment (UTC)")
    moment.fill("1970-01-02 00:00:00")
    moment.press("Enter")
    expect(got(page, "Moment")).to_have_value("86400.0")
    moment.fill("yesterday")
    expect(moment).to_have_class(re.compile("invalid"))


def test_values_set_from_python_show_in_the_page(page):
    page.get_by_role("button", name="Set every value from Python").click()
    expect(page.get_by_label("Text", exact=False).first).to_have_value("Set from Python")
    expect(page.get_by_label("Number", exact=False).first).to_have_value("42.5")
    expect(page.get_by_label("number input for Slider")).to_have_value("7.5")
    expect(page.get_by_label("Checkbox", exact=True)).to_be_checked()
    group = page.get_by_test_id("checkbox-group")
    expect(group.get_by_label("Ham")).to_be_checked()
    expect(group.get_by_label("Cheese")).not_to_be_checked()
    expect(page.get_by_test_id("L-radio-label").locator("input")).to_be_checked()
    expect(page.get_by_role("combobox", name="Fruit")).to_have_value("Banana")
    expect(page.get_by_role("button", name="Color", exact=True)).to_have_attribute("data-value", "#00ff00")
    expect(page.get_by_label("Day", exact=True)).to_have_value("2024-02-29")
    # Output values set by Python fire the inputs' change listeners too (Gradio behaviour).
    expect(got(page, "Toppings")).to_have_value("['ham']")


def test_choices_update_is_used_by_preprocess(page):
    page.get_by_role("button", name="New fruit choices").click()
    fruit = page.get_by_role("combobox", name="Fruit (new)")
    expect(fruit).to_have_value("date")
    fruit.click()
    page.get_by_role("option", name="elderberry").click()
    expect(got(page, "Fruit")).to_have_value("'elderberry'")


def test_visibility_update(page):
    show = page.get_by_label("Show the colour picker")
    show.uncheck()
    expect(page.get_by_role("button", name="Color", exact=True)).to_have_count(0)
    show.check()
    expect(page.get_by_role("button", name="Color", exact=True)).to_be_visible()
    assert not [e for e in page.wasmblocks_errors if "Failed to load resource" not in e]


ZONED = '''
import gradio as gr

with gr.Blocks() as demo:
    when = gr.DateTime(value=0, timezone="Europe/Paris", label="When")
    stamp = gr.Number(label="Timestamp")
    gr.Button("Read").click(lambda t: t, when, stamp)
    gr.DateTime()
'''


def test_datetime_in_a_named_time_zone(open_app, source_url):
    """Pyodide's Python has no time-zone database: the export adds the vendored tzdata to the boot."""
    page = open_app(source_url("zoned.py", ZONED))
    when = page.get_by_label("When")
    expect(when).to_have_value("1970-01-01 01:00:00")  # the epoch, in Paris
    when.fill("2024-07-01 12:00:00")  # summer time: 10:00 UTC
    page.get_by_role("button", name="Read").click()
    expect(page.get_by_label("Timestamp")).to_have_value("1719828000")
    expect(page.get_by_label("Date", exact=True)).to_have_value("")  # no label: Gradio's own, "Date"
    assert not page.wasmblocks_errors

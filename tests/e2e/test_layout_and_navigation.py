"""Seeds 2, 3, 4, 10, 14: Row/Column, ClearButton, Tabs with an Image, Accordion, render=False, Blocks options."""

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("layout"))
    yield page
    page.context.close()


def test_row_puts_columns_side_by_side(page):
    left = page.get_by_label("Input text").bounding_box()
    right = page.get_by_label("Output text").bounding_box()
    assert right["x"] > left["x"] + left["width"] - 1
    assert abs(right["y"] - left["y"]) < 40


def test_render_false_then_render_places_it_in_the_later_column(page):
    late = page.get_by_label("Rendered later")
    expect(late).to_have_value("I was placed in the right column")
    out = page.get_by_label("Output text").bounding_box()
    box = late.bounding_box()
    assert abs(box["x"] - out["x"]) < 2 and box["y"] > out["y"]


def test_button_then_clear_button(page):
    page.get_by_label("Input text").fill("hello")
    page.get_by_role("button", name="Process").click()
    expect(page.get_by_label("Output text")).to_have_value("HELLO ×1")
    page.get_by_role("button", name="Clear").click()
    expect(page.get_by_label("Input text")).to_have_value("")
    expect(page.get_by_label("Output text")).to_have_value("")


def test_tabs_switch_and_image_renders(page):
    text_tab = page.get_by_role("tab", name="Text")
    image_tab = page.get_by_role("tab", name="Image")
    expect(text_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Text tab content")).to_be_visible()
    image_tab.click()
    expect(image_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Text tab content")).to_be_hidden()
    panel = page.get_by_role("tabpanel").filter(has=page.get_by_test_id("image"))
    expect(panel).to_be_visible()
    expect(panel.get_by_text("Drop Image Here")).to_be_visible()


def test_accordion_opens_and_closes(page):
    header = page.get_by_role("button", name="Advanced Settings")
    slider = page.get_by_role("slider", name="range slider for Scale")
    expect(header).to_have_attribute("aria-expanded", "false")
    expect(slider).to_be_hidden()
    header.click()
    expect(header).to_have_attribute("aria-expanded", "true")
    expect(slider).to_be_visible()
    header.click()
    expect(slider).to_be_hidden()


def test_blocks_options(page):
    assert page.title() == "Layout demo"
    root = page.locator("#wasmblocks-app")
    expect(root).to_have_attribute("data-state", "ready")
    # fill_height: the app stretches to the viewport height (Gradio's footer below it included).
    height = page.evaluate("document.querySelector('#wasmblocks-app .wb-root').getBoundingClientRect().height"
                           " + document.querySelector('#wasmblocks-app footer').getBoundingClientRect().height")
    assert height >= page.viewport_size["height"] * 0.8
    assert not page.wasmblocks_errors

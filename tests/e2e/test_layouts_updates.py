"""Tabs, Accordion, Sidebar and Row/Column in a real page; updates to hidden components apply when shown."""

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("layouts"))
    yield page
    page.context.close()


def test_updates_inside_hidden_tab_and_closed_accordion_apply_when_shown(page):
    expect(page.get_by_role("tab", name="Tab A")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_label("Hidden box")).to_be_hidden()
    page.get_by_role("button", name="Update hidden").click()
    # Accordion still closed, tab B not selected: nothing is visible yet, but the updates are there.
    page.get_by_role("tab", name="Tab B").click()
    box = page.get_by_label("Renamed box")
    expect(box).to_be_visible()
    expect(box).to_have_value("updated while hidden")
    drop = page.get_by_role("combobox", name="Hidden dropdown")
    expect(drop).to_have_value("q")
    drop.click()
    expect(page.get_by_role("option", name="r", exact=True)).to_be_visible()  # the new choices
    expect(page.get_by_role("option", name="x", exact=True)).to_have_count(0)
    drop.press("Escape")
    number = page.get_by_label("Hidden number")
    expect(number).to_have_value("42")
    expect(number).to_be_enabled()
    page.get_by_role("button", name="More settings").click()
    expect(page.get_by_label("Accordion box")).to_have_value("now visible")
    expect(page.get_by_label("Accordion box")).to_be_visible()
    page.get_by_role("button", name="More settings").click()


def test_select_tab_by_returning_tabs_and_change_event(page):
    page.get_by_role("tab", name="Tab A").click()
    before = page.get_by_label("Layout events").input_value()
    page.get_by_role("button", name="Select tab B").click()
    expect(page.get_by_role("tab", name="Tab B")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel").filter(has=page.get_by_label("Renamed box"))).to_be_visible()
    expect(page.get_by_label("Layout events")).not_to_have_value(before)
    assert "change" in page.get_by_label("Layout events").input_value()


def test_tab_visible_and_interactive_updates(page):
    page.get_by_role("tab", name="Tab A").click()
    page.get_by_role("button", name="Hide tab B").click()
    expect(page.get_by_role("tab", name="Tab B")).to_have_count(0)
    page.get_by_role("button", name="Show tab B").click()
    expect(page.get_by_role("tab", name="Tab B")).to_be_visible()
    page.get_by_role("button", name="Disable tab C").click()
    expect(page.get_by_role("tab", name="Tab C")).to_be_disabled()


def test_accordion_open_update_and_events(page):
    header = page.get_by_role("button", name="More settings")
    if header.get_attribute("aria-expanded") == "true":
        header.click()
    expect(header).to_have_attribute("aria-expanded", "false")
    page.get_by_label("Layout events").fill("")
    page.get_by_role("button", name="Open accordion").click()
    header = page.get_by_role("button", name="More settings (opened)")
    expect(header).to_have_attribute("aria-expanded", "true")
    header.click()
    expect(header).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label("Layout events")).to_have_value("collapse")
    header.click()
    expect(page.get_by_label("Layout events")).to_have_value("collapse expand")


def test_sidebar_toggles_and_keeps_its_values(page):
    toggle = page.get_by_role("button", name="Toggle Sidebar")
    name = page.get_by_label("Sidebar name")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(name).to_be_hidden()
    toggle.click()
    expect(name).to_be_visible()
    expect(name).to_have_value("Ada")
    # Slid in at the left edge (after its transition).
    page.wait_for_function("() => Math.abs(document.querySelector('[data-testid=sidebar]').getBoundingClientRect().left) < 2")
    toggle.click()
    expect(name).to_be_hidden()


def test_row_columns_share_width_by_scale(page):
    slider = page.locator(".row.panel > .column").nth(0).bounding_box()
    echo = page.locator(".row.panel > .column").nth(1).bounding_box()
    assert abs(slider["y"] - echo["y"]) < 2
    assert 1.6 < slider["width"] / echo["width"] < 2.4  # scale=2 vs scale=1
    assert not page.wasmblocks_errors

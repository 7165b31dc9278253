"""demo.route(): a navbar, one page at a time, hash URLs (#/second-page) that survive reload and Back."""

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("layouts"))
    yield page
    page.context.close()


def test_navbar_switches_pages_by_hash(page):
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link", name="Home")).to_have_attribute("aria-current", "page")
    # As in Gradio, where each page is a page load of its own, the other pages' blocks are not in the document
    # (Gradio's multipage test counts the textboxes of the open page).
    expect(page.get_by_label("Second input")).to_have_count(0)
    nav.get_by_role("link", name="Second page").click()
    assert page.url.endswith("#/second-page")
    expect(page.get_by_label("Second input")).to_be_visible()
    expect(page.get_by_text("Layouts demo")).to_have_count(0)
    expect(nav.get_by_role("link", name="Second page")).to_have_attribute("aria-current", "page")


def test_second_page_events_work_and_back_returns_home(page):
    if not page.url.endswith("#/second-page"):
        page.get_by_role("link", name="Second page").click()
    page.get_by_label("Second input").fill("abc")
    page.get_by_role("button", name="Reverse").click()
    expect(page.get_by_label("Second output")).to_have_value("cba")
    page.go_back()
    expect(page.get_by_text("Layouts demo")).to_be_visible()
    expect(page.get_by_label("Second input")).to_be_hidden()
    page.go_forward()
    expect(page.get_by_label("Second output")).to_have_value("cba")  # the store keeps a page's values while it is away


def test_opening_a_page_url_directly(open_app, site_url):
    page = open_app(site_url("layouts") + "#/second-page")
    expect(page.get_by_label("Second input")).to_be_visible()
    expect(page.get_by_text("Layouts demo")).to_be_hidden()
    assert not page.wasmblocks_errors

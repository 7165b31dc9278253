"""gr.Navbar and page loads: the links it shows, pages opened from them, and each page's own load event."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

GRADIO_DEMOS = Path(__file__).resolve().parents[1] / "data" / "gradio_demos"  # vendored: see its README.md


def gradio_demo(name: str) -> Path:
    return GRADIO_DEMOS / name / "run.py"


def nav(page):
    return page.get_by_role("navigation", name="Pages")


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("studio"))
    yield page
    page.context.close()


def test_navbar_shows_pages_renamed_main_page_and_extra_links(page):
    links = nav(page).get_by_role("link")
    expect(links).to_have_text(["Studio", "Help", "Help on tags", "Gradio"])
    expect(nav(page).get_by_role("link", name="Studio")).to_have_attribute("aria-current", "page")
    gradio = nav(page).get_by_role("link", name="Gradio")
    expect(gradio).to_have_attribute("href", "https://www.gradio.app")
    expect(gradio).to_have_attribute("target", "_blank")


def test_opening_a_page_fires_its_load_event_each_visit(page):
    page.get_by_label("Show title").fill("kept")
    nav(page).get_by_role("link", name="Help", exact=True).click()
    assert page.url.endswith("#/help")
    expect(page.get_by_label("Help visits")).to_have_value("1")
    expect(page.get_by_label("Show title")).to_be_hidden()
    nav(page).get_by_role("link", name="Studio").click()
    expect(page.get_by_label("Show title")).to_have_value("kept")  # no reload: the main page kept its value
    nav(page).get_by_role("link", name="Help", exact=True).click()
    expect(page.get_by_label("Help visits")).to_have_value("2")
    expect(page.get_by_label("Topic asked for")).to_have_value("")


def test_a_link_with_a_query_string_reaches_request_query_params(page):
    nav(page).get_by_role("link", name="Studio").click()
    nav(page).get_by_role("link", name="Help on tags").click()
    assert page.url.endswith("?topic=tags#/help"), page.url
    expect(page.get_by_label("Topic asked for")).to_have_value("tags")
    expect(page.get_by_label("Help visits")).to_have_value("3")
    # In-app navigation moved through history, not a reload: Back returns to the main page.
    page.go_back()
    expect(page.get_by_label("Show title")).to_have_value("kept")
    assert not page.wasmblocks_errors


def test_gradio_navbar_customization_demo(open_app, site_url):
    page = open_app(site_url(gradio_demo("navbar_customization")))
    expect(nav(page).get_by_role("link")).to_have_text(["Dashboard", "Settings", "About Me"])
    expect(nav(page).get_by_role("link", name="About Me")).to_have_attribute("href", "https://x.com/abidlabs")
    page.get_by_role("button", name="Hide Navbar").click()
    expect(nav(page)).to_have_count(0)
    page.get_by_role("button", name="Show Navbar").click()
    expect(nav(page).get_by_role("link")).to_have_text(["Dashboard is Back!", "Settings", "About Me"])
    nav(page).get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings Page")).to_be_visible()
    expect(page.get_by_role("heading", name="Dashboard Page")).to_be_hidden()
    assert not page.wasmblocks_errors


def test_gradio_navbar_query_params_demo(open_app, site_url):
    page = open_app(site_url(gradio_demo("navbar_query_params")))
    # main_page_name=False and a hidden route: the navbar is the gr.Navbar's own links only.
    expect(nav(page).get_by_role("link")).to_have_text(["Main Page", "Page 2"])
    page.get_by_role("combobox", name="Select an option").click()
    page.get_by_role("option", name="Canada").click()
    expect(nav(page).get_by_role("link", name="Page 2")).to_have_attribute(
        "href", page.url.split("?")[0].split("#")[0] + "?option=Canada#/second")
    nav(page).get_by_role("link", name="Page 2").click()
    # The second page's own gr.Navbar and its load event, which reads ?option= through gr.Request.
    expect(page.get_by_role("combobox", name="Select a value")).to_have_value("Canada")
    assert "option=Canada" in page.url
    assert not page.wasmblocks_errors

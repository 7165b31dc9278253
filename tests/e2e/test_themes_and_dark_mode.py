"""Themes, dark mode, and the app's css/js/head in a real page (examples/layouts.py uses gr.themes.Soft()).

(Named *_and_dark_mode so it does not clash with the unit tests in tests/test_themes.py.)"""

import pytest

import wasmblocks as gr

SOFT = gr.themes.Soft().variables()


def _var(page, name):
    return page.evaluate(
        "(n) => getComputedStyle(document.getElementById('wasmblocks-app')).getPropertyValue('--' + n).trim()", name
    )


def _bg(page, selector="body"):
    return page.evaluate("(s) => getComputedStyle(document.querySelector(s)).backgroundColor", selector)


@pytest.fixture(scope="module")
def light(app_opener, site_url):
    page = app_opener(site_url("layouts") + "?__theme=light")
    yield page
    page.context.close()


def test_theme_variables_apply(light):
    assert _var(light, "button-primary-background-fill") == SOFT["light"]["button-primary-background-fill"]
    submit = light.get_by_role("button", name="Submit")
    assert submit.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(99, 102, 241)"  # Soft: *primary_500, indigo
    assert "dark" not in light.locator("#wasmblocks-app").get_attribute("class").split()


def test_css_js_and_head(light):
    assert light.evaluate("() => document.body.dataset.appJs") == "ran"
    assert light.locator("head meta[name='wb-head-test']").get_attribute("content") == "yes"
    style = light.locator(".wb-layouts-note").first.evaluate("e => getComputedStyle(e).fontStyle")
    assert style == "italic"
    assert not light.wasmblocks_errors


def test_forced_dark_mode(open_app, site_url):
    page = open_app(site_url("layouts") + "?__theme=dark")
    assert "dark" in page.locator("#wasmblocks-app").get_attribute("class").split()
    assert _var(page, "block-background-fill") == SOFT["dark"]["block-background-fill"]
    assert _bg(page) == "rgb(11, 15, 25)"  # gray 950, the page behind the app too


def test_system_dark_preference_is_followed_and_url_overrides_it(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(site_url("layouts"))
        page.wait_for_selector("#wasmblocks-app[data-state=ready]", timeout=60_000)
        root = page.locator("#wasmblocks-app")
        assert "dark" in root.get_attribute("class").split()
        page.emulate_media(color_scheme="light")
        page.wait_for_function("() => !document.getElementById('wasmblocks-app').classList.contains('dark')")
        page.goto(site_url("layouts") + "?__theme=light")
        page.wait_for_selector("#wasmblocks-app[data-state=ready]", timeout=60_000)
        page.emulate_media(color_scheme="dark")
        assert "dark" not in root.get_attribute("class").split()
    finally:
        context.close()

"""gr.ParamViewer in the browser: a visitor reads the parameters, opens one or all of them, follows an anchor link;
types and defaults are highlighted in the language asked for (and again when a function changes it), linkify
words link to their section, descriptions are Markdown; the function that takes the viewer as input gets its
parameters; Gradio's paramviewer_component demo, unmodified."""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
# Gradio's demo, vendored: see tests/data/gradio_demos/README.md
GRADIO_DEMO = Path(__file__).resolve().parents[1] / "data" / "gradio_demos" / "paramviewer_component"


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("paramviewer"))
    yield page
    page.context.close()


def param(page, name: str):
    return page.locator("details.param").filter(has=page.locator("summary code", has_text=f"{name}:"))


def test_gradio_demo_reads_as_in_gradio(open_app, site_url):
    page = open_app(site_url(GRADIO_DEMO))
    viewer = page.locator(".wb-paramviewer")
    assert viewer.locator(".header .title").inner_text() == "Parameters"
    assert viewer.locator("details.param").count() == 2
    assert viewer.locator("summary code").all_inner_texts() == ["number: int | float", "ndigits: int"]
    # Types are Python, highlighted once highlight.js is in.
    viewer.locator("summary .hljs-built_in", has_text="float").wait_for()
    # Closed, a parameter shows only its name and type; opened, its default ("0"; None shows none) and description.
    number, ndigits = param(page, "number"), param(page, "ndigits")
    assert not number.get_by_text("The number to round").is_visible()
    number.locator("summary").click()
    assert number.get_by_text("The number to round").is_visible()
    assert number.locator(".default").count() == 0
    ndigits.locator("summary").click()
    assert ndigits.locator(".default").inner_text().split() == ["DEFAULT", "=", "0"]  # "default", upper-cased by CSS
    assert ndigits.locator(".default .hljs-number").inner_text() == "0"
    # The header's button opens every parameter, then closes them all.
    toggle = viewer.get_by_role("button", name="▼")
    assert toggle.get_attribute("title") == "Open All"
    toggle.click()
    assert viewer.locator("details.param[open]").count() == 2
    assert viewer.get_by_role("button", name="▲").get_attribute("title") == "Close All"
    viewer.get_by_role("button", name="▲").click()
    assert viewer.locator("details.param[open]").count() == 0
    assert not page.wasmblocks_errors


def test_descriptions_are_markdown_and_links_open_elsewhere(page):
    text = param(page, "text")
    text.locator("summary").click()
    assert text.locator(".description strong").inner_text() == "wrap"
    link = text.get_by_role("link", name="textwrap")
    assert link.get_attribute("href") == "https://docs.python.org/3/library/textwrap.html"
    assert link.get_attribute("target") == "_blank"
    # The text default None shows no default row; a description's `code` stays code.
    assert text.locator(".default").count() == 0
    long = param(page, "on_long_word")
    long.locator("summary").click()
    assert long.locator(".description code").all_inner_texts() == ["width", "None"]


def test_linkify_links_the_named_type_to_its_section(page):
    link = param(page, "on_long_word").locator("summary").get_by_role("link", name="Splitter")
    assert link.get_attribute("href") == "#h-splitter"


def test_an_anchor_link_opens_its_parameter(page):
    width = param(page, "width")
    assert width.get_attribute("id") == "param-wrap-width"  # anchor_links="wrap" is the prefix
    assert not width.evaluate("d => d.open")
    page.locator(".wb-markdown").get_by_role("link", name="width").click()
    page.wait_for_function("d => d.open", arg=width.element_handle())
    assert page.evaluate("location.hash") == "#param-wrap-width"
    # Each summary has its own link (shown on hover) to copy.
    assert width.locator(".param-link").get_attribute("href") == "#param-wrap-width"


def test_the_function_gets_the_parameters_and_can_change_the_language(page):
    page.get_by_role("button", name="Which parameters?").click()
    names = page.get_by_label("Parameters the function got")
    page.wait_for_function("el => el.value !== ''", arg=names.element_handle())
    assert names.input_value() == ("text: str, width: int, style: Literal['plain', 'markdown'] | None, "
                                   "on_long_word: Splitter | None")
    page.get_by_label("typescript").check()
    viewer = page.locator(".wb-paramviewer")
    viewer.locator("pre.language-typescript").first.wait_for()
    assert viewer.locator("summary code").all_inner_texts() == [
        "text: string", "width: number", 'style: "plain" | "markdown" | null']
    # TypeScript's grammar now: a string literal type is a string token, null a literal.
    assert viewer.locator("summary .hljs-string").first.inner_text() == '"plain"'
    page.get_by_role("button", name="Which parameters?").click()
    page.wait_for_function("el => el.value.startsWith('text: string')", arg=names.element_handle())
    page.get_by_label("python").check()
    viewer.locator("pre.language-python").first.wait_for()
    assert not page.wasmblocks_errors


def test_screenshots_light_and_dark(open_app, site_url):
    for mode in ("light", "dark"):
        page = open_app(f"{site_url('paramviewer')}?__theme={mode}")
        viewer = page.locator(".wb-paramviewer")
        viewer.locator("summary .hljs-built_in").first.wait_for()
        param(page, "width").locator("summary").click()
        param(page, "style").locator("summary").click()
        SHOTS.mkdir(exist_ok=True)
        viewer.screenshot(path=str(SHOTS / f"paramviewer-{mode}.png"), animations="disabled", caret="hide")
        assert not page.wasmblocks_errors

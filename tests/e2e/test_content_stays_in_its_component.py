"""App content cannot restyle or cover the page: a <style> or a position:fixed box inside Markdown, a chat
message, gr.HTML or a toast stays inside its component (gr.HTML's styles still apply to its own content),
and Markdown's math goes back into the sanitized DOM as elements and text, never as rewritten HTML."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

# Sheets that would repaint or hide the page, a rule meant for the content itself, and an overlay box.
HOSTILE = (
    "<p>{who}</p>"
    "<style>body {{ background: rgb(255, 0, 0) !important; }} "
    ".gradio-container button {{ visibility: hidden !important; }} "
    ":root {{ --body-text-color: rgb(255, 0, 0); }} "
    ".mine-{who} {{ color: rgb(0, 128, 0); }} "
    "}} body {{ outline: 9px solid rgb(255, 0, 0); }} .x {{ </style>"
    '<p class="mine-{who}">styled inside</p>'
    '<div class="overlay-{who}" style="position: fixed; inset: 0; z-index: 2147483647; '
    'background: rgba(255, 0, 0, 0.4);">overlay</div>'
)

APP = f'''
import gradio as gr

HOSTILE = {HOSTILE!r}

with gr.Blocks() as demo:
    gr.Markdown(HOSTILE.format(who="markdown"))
    gr.Chatbot([{{"role": "user", "content": "hi"}}, {{"role": "assistant", "content": HOSTILE.format(who="chat")}}])
    gr.HTML(HOSTILE.format(who="html") + '<style>.card {{ color: rgb(1, 2, 3); }}</style><div class="card">card</div>')
    gr.HTML("<b>stars</b>", css_template="color: rgb(4, 5, 6); }} body {{ background: rgb(255, 0, 0); ")
    out = gr.Textbox(label="Pong result")
    gr.Button("Ping", elem_classes="card").click(lambda: "pong", None, out)
    gr.Button("Toast").click(lambda: gr.Info(HOSTILE.format(who="toast")), None, None)
    gr.Markdown(
        'Inline $$a^2$$ and <a href="#t" title="$$x^2$$">a link</a>, '
        '<span><style>$$</style><img src=x onerror="window.__pwned = 1">$$</style></span>',
        latex_delimiters=[{{"left": "$$", "right": "$$", "display": False}}],
        elem_id="math",
    )
'''


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("hostile_content.py", APP))
    yield page
    page.context.close()


def page_is_untouched(page) -> None:
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 0, 0)"
    assert page.evaluate("getComputedStyle(document.body).outlineColor") != "rgb(255, 0, 0)"
    expect(page.get_by_role("button", name="Ping")).to_be_visible()
    text_color = "getComputedStyle(document.documentElement).getPropertyValue('--body-text-color')"
    assert page.evaluate(text_color) != "rgb(255, 0, 0)"
    # Nothing covers the page: the top-left corner and the middle of a button belong to the page itself.
    top = page.evaluate("(() => { const e = document.elementFromPoint(2, 2); return e ? e.className : ''; })()")
    assert "overlay" not in str(top)
    page.get_by_role("button", name="Ping").click(timeout=5_000)  # fails when a box intercepts the click
    expect(page.get_by_label("Pong result", exact=True)).to_have_value("pong")


def test_markdown_chat_and_html_styles_stay_inside(page):
    page_is_untouched(page)
    for who in ("markdown", "chat", "html"):
        # The rule meant for the content still applies to it (as in Gradio), only inside the component.
        expect(page.locator(f".mine-{who}")).to_have_css("color", "rgb(0, 128, 0)")
        overlay = page.locator(f".overlay-{who}")
        box, viewport = overlay.bounding_box(), page.viewport_size
        assert box["width"] < viewport["width"] or box["height"] < viewport["height"], (who, box)


def test_gr_html_styles_its_own_content_only(page):
    expect(page.get_by_test_id("html").locator(".card")).to_have_css("color", "rgb(1, 2, 3)")
    assert page.get_by_role("button", name="Ping").evaluate("el => getComputedStyle(el).color") != "rgb(1, 2, 3)"
    expect(page.get_by_test_id("html").filter(has_text="stars")).to_have_css("color", "rgb(4, 5, 6)")  # css_template


def test_a_toast_cannot_restyle_or_cover_the_page(page):
    page.get_by_role("button", name="Toast").click()
    toast = page.get_by_test_id("toast-body").filter(has_text="styled inside")
    expect(toast).to_be_visible()
    expect(toast.locator(".mine-toast")).to_have_css("color", "rgb(0, 128, 0)")
    page_is_untouched(page)


def test_math_goes_back_as_elements_and_text(page):
    math = page.locator("#math")
    expect(math.locator(".wb-math .katex")).to_have_count(1)  # the inline formula, typeset
    link = math.get_by_role("link", name="a link")
    expect(link).to_have_attribute("title", "$$x^2$$")  # a placeholder in an attribute is the source again
    assert math.locator("img").count() == 0 and page.evaluate("window.__pwned") is None

"""The gallery (examples/gallery.py) renders every Components I component with no console error, at desktop
and phone widths; screenshots go to tests/e2e/artifacts/gallery-<width>.png for a person to look at."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.mark.parametrize("width", [1280, 375])
def test_gallery_renders_at_width(app_opener, site_url, width):
    page = app_opener(site_url("gallery"))
    try:
        page.set_viewport_size({"width": width, "height": 900})
        expect(page.get_by_test_id("unsupported-component")).to_have_count(0)
        # The lazily loaded libraries arrive: CodeMirror, KaTeX (with its own CSS) and highlight.js.
        expect(page.locator(".wb-code .cm-editor")).to_be_visible()
        expect(page.locator(".katex-display").first).to_be_visible()
        expect(page.locator("pre code.hljs").first).to_be_visible()
        page.wait_for_function("document.fonts.status === 'loaded'")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"gallery-{width}.png"), full_page=True)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"the page scrolls sideways at {width}px ({wide}px wide)"
        assert not page.wasmblocks_errors, page.wasmblocks_errors
    finally:
        page.context.close()


LAZY_APP = """
import gradio as gr

with gr.Blocks() as demo:
    gr.Chatbot([{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}], label="Chat")
    gr.MultimodalTextbox(label="Ask")
    gr.Dataframe([[1, 2]], headers=["a", "b"], label="Table")
"""


def test_lazily_loaded_components_are_styled_by_the_one_stylesheet(open_app, source_url):
    page = open_app(source_url("lazy_look.py", LAZY_APP))

    def css(selector, prop):
        return page.locator(selector).first.evaluate("(e, p) => getComputedStyle(e).getPropertyValue(p)", prop)

    # Their code arrives in chunks of its own; their rules were in assets/wasmblocks.css all along.
    expect(page.locator(".wb-chatbot .message.user")).to_have_text("Hi")
    expect(page.locator(".wb-dataframe thead th").first).to_be_visible()
    resources = page.evaluate("performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname)")
    assert any("/assets/chunks/chatbot-" in r for r in resources), resources
    sheets = [r for r in resources if r.endswith(".css")]
    assert len(sheets) == 1 and sheets[0].endswith("/assets/wasmblocks.css"), sheets
    assert css(".wb-chatbot .message.user", "background-color") == "rgb(255, 247, 237)"  # accent-soft
    assert css(".wb-chatbot .message.user", "border-bottom-right-radius") == "0px"
    # MultimodalTextbox draws Textbox's .wb-field too: its own button rules come after and win the tie.
    assert css(".wb-multimodal .submit-button", "height") == "32px"
    assert css(".wb-multimodal .submit-button", "border-radius") == "8px"
    assert css(".wb-dataframe thead th", "position") == "sticky"
    assert not page.wasmblocks_errors, page.wasmblocks_errors

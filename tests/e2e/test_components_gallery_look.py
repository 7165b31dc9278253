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

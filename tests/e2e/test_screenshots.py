"""Screenshots of the gallery, the layouts app and the studio, light and dark, desktop and a 375 px phone.

The PNGs in tests/screenshots/ are committed so visual changes show up in review. This test regenerates
them; it fails only when a page does not render (boot error, console error, empty app), never on pixels.
"""

from pathlib import Path

import pytest

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
CASES = [
    ("gallery", "light", 1280),
    ("gallery", "dark", 1280),
    ("layouts", "light", 1280),
    ("layouts", "dark", 1280),
    ("layouts", "light", 375),
    ("gallery", "dark", 375),
    ("studio", "light", 1280),
    ("studio", "dark", 1280),
    ("studio", "light", 375),
]


@pytest.mark.parametrize(("app", "mode", "width"), CASES, ids=[f"{a}-{m}-{w}" for a, m, w in CASES])
def test_screenshot(app, mode, width, open_app, site_url):
    page = open_app(f"{site_url(app)}?__theme={mode}")
    page.set_viewport_size({"width": width, "height": 900})
    root = page.locator("#wasmblocks-app")
    assert ("dark" in (root.get_attribute("class") or "").split()) == (mode == "dark")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # let fonts, lazily loaded chunks and the load events settle
    assert root.inner_text().strip(), "the app rendered nothing"
    # No horizontal scrolling: the layout fits the screen, also on a phone.
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the {width}px screen"
    SHOTS.mkdir(exist_ok=True)
    # No animation frames, blinking caret or random value in the picture, so an unchanged page gives the same
    # PNG and the committed files change only when the look does (the gallery has a randomize=True slider).
    random_blocks = page.get_by_role("slider", name="Random slider").locator("xpath=ancestor::*[contains(@class, 'block')][1]")
    page.screenshot(path=str(SHOTS / f"{app}-{mode}-{width}.png"), full_page=True, animations="disabled", caret="hide",
                    mask=[random_blocks], mask_color="#9ca3af")
    assert not page.wasmblocks_errors, page.wasmblocks_errors

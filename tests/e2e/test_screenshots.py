"""Screenshots of the gallery, the layouts app and the studio, light and dark, desktop and a 375 px phone; and of
one small app in each of Gradio's built-in themes (theme-<name>-<mode>.png).

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


# One app in every built-in theme: the parts a theme restyles most (buttons, inputs, choices, labels, panels).
THEMED_APP = """
import gradio as gr

with gr.Blocks() as demo:
    gr.Markdown("## {theme}\\nGradio's `gr.themes.{theme}()`, light and dark.")
    with gr.Row():
        with gr.Column():
            gr.Textbox(label="Name", value="Ada", info="A textbox with info")
            gr.Slider(0, 100, value=40, label="Count")
            gr.Dropdown(["red", "green", "blue"], value="green", label="Colour")
        with gr.Column(variant="panel"):
            gr.Radio(["one", "two", "three"], value="two", label="Pick one")
            gr.CheckboxGroup(["a", "b", "c"], value=["a"], label="Pick some")
            gr.Checkbox(value=True, label="Agree")
    with gr.Row():
        gr.Button("Submit", variant="primary")
        gr.Button("Clear")
        gr.Button("Stop", variant="stop")

demo.launch(theme=gr.themes.{theme}())
"""
THEMES = ["Base", "Default", "Origin", "Citrus", "Monochrome", "Soft", "Glass", "Ocean", "Cyberpunk", "Ember", "Mario",
          "Neon"]
THEME_CASES = [(t, m) for t in THEMES for m in ("light", "dark")]


@pytest.mark.parametrize(("theme", "mode"), THEME_CASES, ids=[f"{t}-{m}" for t, m in THEME_CASES])
def test_theme_screenshot(theme, mode, open_app, source_url):
    page = open_app(source_url(f"theme_{theme.lower()}.py", THEMED_APP.format(theme=theme)) + f"?__theme={mode}")
    page.set_viewport_size({"width": 1280, "height": 900})
    root = page.locator("#wasmblocks-app")
    assert ("dark" in (root.get_attribute("class") or "").split()) == (mode == "dark")
    page.wait_for_load_state("networkidle")
    assert root.get_by_role("button", name="Submit").is_visible()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"theme-{theme.lower()}-{mode}.png"), full_page=True, animations="disabled",
                    caret="hide")
    assert not page.wasmblocks_errors, page.wasmblocks_errors

"""gr.themes.builder_app in a real page: a control changes the theme live, the code output follows it, Undo
reverts it."""

from playwright.sync_api import expect

APP = """
import gradio as gr
from gradio.themes.builder_app import demo

demo.launch(theme=gr.themes.Base(), head="<style id='theme_css'></style>")
"""


def test_primary_hue_restyles_preview_and_names_hue_in_code(open_app, source_url):
    page = open_app(source_url("theme_builder_app.py", APP) + "?__theme=light")
    go = page.get_by_role("button", name="Go", exact=True)
    # The load event fills <style id='theme_css'> with Base's variables (blue primary).
    page.wait_for_function("() => (document.getElementById('theme_css')?.textContent || '').includes('--primary-500')")
    expect(go).to_have_css("background-color", "rgb(59, 130, 246)")  # Base: *primary_500, blue 500

    page.get_by_role("tab", name="Core Colors").click()
    page.get_by_role("combobox", name="Primary Hue").click()
    page.get_by_role("option", name="emerald", exact=True).click()

    expect(go).to_have_css("background-color", "rgb(16, 185, 129)")  # emerald 500, applied without a reload
    assert page.evaluate("() => getComputedStyle(document.querySelector('.gradio-container'))"
                         ".getPropertyValue('--primary-500').trim()") == "#10b981"  # emerald 500

    page.get_by_role("button", name="View Code").click()
    code = page.locator("#app").get_by_text('primary_hue="emerald"')
    expect(code).to_be_visible()
    expect(page.locator("#app")).to_contain_text("gr.themes.Base(")

    # Undo brings back the controls as they were, and the preview and code with them.
    page.get_by_role("button", name="Undo").click()
    expect(go).to_have_css("background-color", "rgb(59, 130, 246)")
    expect(page.get_by_role("combobox", name="Primary Hue")).to_have_value("blue")
    expect(page.locator("#app")).not_to_contain_text('primary_hue="emerald"')
    assert not page.wasmblocks_errors

"""Gradio's footer under the app: "Use via API · Built with Gradio · Settings" (Gradio's blocks_page_load spec
reads that text), the API dialog listing this app's named endpoints, Settings switching the display theme,
and launch(footer_links=…) choosing the links."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr

with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    out = gr.Textbox(label="Greeting")
    gr.Button("Greet").click(lambda n: "Hello " + n, name, out, api_name="greet")
"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("footer_app.py", APP))
    yield page
    page.context.close()


def test_the_footer_reads_as_gradios(page):
    footer = page.locator("footer")
    expect(footer).to_be_visible()
    expect(footer.get_by_text("Use via API  · Built with Gradio ")).to_be_visible()
    expect(footer).to_have_text("Use via API · Built with Gradio · Settings")


def test_use_via_api_lists_the_named_endpoints(page):
    page.get_by_role("button", name="Use via API").click()
    dialog = page.get_by_role("dialog", name="Use via API")
    expect(dialog).to_contain_text("/greet")
    expect(dialog).to_contain_text("Inputs: Name (textbox)")
    expect(dialog).to_contain_text("Outputs: Greeting (textbox)")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)


def test_settings_switch_the_display_theme(page):
    page.get_by_role("button", name="Settings").click()
    dialog = page.get_by_role("dialog", name="Settings")
    dialog.get_by_label("Dark").check()
    expect(page.locator("#wasmblocks-app")).to_have_class(__import__("re").compile(r"\bdark\b"))
    dialog.get_by_label("Light").check()
    expect(page.locator("#wasmblocks-app")).not_to_have_class(__import__("re").compile(r"\bdark\b"))
    assert not page.wasmblocks_errors


def test_footer_links_choose_what_shows(open_app, source_url):
    page = open_app(source_url("footer_links_app.py", APP + '\ndemo.launch(footer_links=["gradio"])\n'))
    expect(page.locator("footer")).to_have_text("Built with Gradio")
    expect(page.get_by_role("button", name="Settings")).to_have_count(0)

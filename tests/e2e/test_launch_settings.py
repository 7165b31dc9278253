"""What launch() settings do to the page as Gradio 6.31's do: css/css_paths style it, head/head_paths and js run,
the favicon is the app's, footer_links choose the footer; api_visibility decides what "Use via API" lists;
Examples(visible_columns=…) hides columns; an Interface's validator= shows its message on the input; and with
launch()'s default show_error=False an exception's text stays out of the toast."""

import base64

import pytest
from playwright.sync_api import expect

# A 1x1 PNG: the favicon the app gives launch(favicon_path=…).
ICON = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b2b5a20000000049454e44ae426082")).decode()

APP = f"""
import base64
import gradio as gr

# Files the app ships next to itself (they are in the worker's file system).
open("extra.css", "w").write("#styled {{ border: 3px solid rgb(0, 128, 0) !important; }}")
open("head.html", "w").write("<script>window.fromHeadFile = 'file';</script>")
open("icon.png", "wb").write(base64.b64decode("{ICON}"))

def positive(n):
    return gr.validate(n is not None and n > 0, "The number must be positive")

def crash(x):
    raise ValueError("secret detail")

io = gr.Interface(lambda n: n * 2, gr.Number(label="N"), gr.Number(label="Doubled"), validator=positive,
                  elem_id="io-tab", api_name="double")

with gr.Blocks() as demo:
    styled = gr.Textbox(label="Styled", elem_id="styled")
    out = gr.Textbox(label="Out")
    gr.Button("Public").click(lambda s: s, styled, out, api_name="shown_endpoint")
    gr.Button("Undocumented").click(lambda s: s, styled, out, api_name="quiet_endpoint",
                                    api_visibility="undocumented")
    gr.Button("Private").click(lambda s: s, styled, out, api_name="secret_endpoint", api_visibility="private")
    gr.Button("Crash").click(crash, styled, out)
    word = gr.Textbox(label="Word")
    hidden_col = gr.Textbox(label="Hidden column")
    gr.Examples([["alpha", "one"], ["beta", "two"]], [word, hidden_col], visible_columns=[0])
    with gr.Tabs():
        with gr.Tab("Doubler"):
            io.render()

demo.launch(css="#styled {{ outline: 2px dashed rgb(255, 0, 0); }}", css_paths="extra.css",
            head="<script>window.fromHead = 'inline';</script>", head_paths=["head.html"],
            js="() => {{ window.fromJs = 'js'; }}", favicon_path="icon.png", footer_links=["api", "gradio"])
"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("launch_settings_app.py", APP))
    yield page
    page.context.close()


def test_css_and_css_paths_style_the_page(page):
    styled = page.locator("#styled")
    expect(styled).to_have_css("outline-color", "rgb(255, 0, 0)")
    expect(styled).to_have_css("border-top-color", "rgb(0, 128, 0)")


def test_head_head_paths_and_js_run_in_the_page(page):
    page.wait_for_function("() => window.fromHead === 'inline' && window.fromHeadFile === 'file' "
                           "&& window.fromJs === 'js'")


def test_the_favicon_is_the_apps(page):
    icon = page.locator('link[rel="icon"]')
    expect(icon).to_have_attribute("href", f"data:image/png;base64,{ICON}")


def test_footer_links_choose_the_footer(page):
    expect(page.locator("footer")).to_have_text("Use via API · Built with Gradio")


def test_use_via_api_lists_only_public_endpoints(page):
    page.get_by_role("button", name="Use via API").click()
    dialog = page.get_by_role("dialog", name="Use via API")
    expect(dialog).to_contain_text("/shown_endpoint")
    expect(dialog).to_contain_text("/double")
    expect(dialog).not_to_contain_text("quiet_endpoint")
    expect(dialog).not_to_contain_text("secret_endpoint")
    dialog.get_by_role("button", name="Close").click()


def test_examples_visible_columns_hide_a_column_and_a_click_still_fills_it(page):
    examples = page.locator(".block", has=page.get_by_test_id("block-label").get_by_text("Examples"))
    expect(examples.get_by_text("alpha")).to_be_visible()
    expect(examples.get_by_text("one")).to_have_count(0)
    examples.get_by_text("beta").click()
    expect(page.get_by_label("Word")).to_have_value("beta")
    expect(page.get_by_label("Hidden column")).to_have_value("two")


def test_an_interface_in_a_tab_keeps_its_elem_id_and_shows_validation_on_the_input(page):
    page.get_by_role("tab", name="Doubler").click()
    expect(page.locator("#io-tab")).to_be_visible()
    number = page.get_by_label("N", exact=True)
    number.fill("-3")
    page.get_by_role("button", name="Submit").click()
    block = page.locator(".block", has=number)
    expect(block.get_by_role("alert")).to_have_text("The number must be positive")
    expect(page.get_by_test_id("toast-body")).to_have_count(0)
    number.fill("4")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Doubled")).to_have_value("8")
    expect(block.get_by_role("alert")).to_have_count(0)


def test_show_error_false_keeps_the_exception_text_out_of_the_toast(page):
    page.get_by_role("button", name="Crash").click()
    toast = page.get_by_test_id("toast-body")
    expect(toast).to_have_count(1)
    expect(toast.locator(".toast-title")).to_have_text("Error")
    expect(toast.get_by_test_id("toast-text")).to_have_text("")
    assert "secret detail" not in page.locator("#wasmblocks-app").inner_text()

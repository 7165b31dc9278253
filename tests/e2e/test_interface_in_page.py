"""gr.Interface rendered inside Blocks (examples/layouts.py) and a TabbedInterface, in a real page.

(Named *_in_page so it does not clash with the unit tests in tests/test_interface.py.)"""

import pytest
from playwright.sync_api import expect

TABBED = '''
import gradio as gr

hello = gr.Interface(lambda name: f"Hello {name}!", "text", "text", title="Hello")
double = gr.Interface(lambda x: x * 2, gr.Number(label="x"), "number", live=True)
demo = gr.TabbedInterface([hello, double], ["Greet", "Double"], title="Tools")
'''

DEEP_LINK = '''
import gradio as gr

demo = gr.Interface(lambda x, y: f"{y}: {x}", [gr.Textbox(label="name"), gr.Radio(["Hello", "Greetings"])],
                    gr.Textbox(label="Output"), examples=[["Freddy", "Hello"]], cache_examples=True, deep_link=True)
'''


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("layouts"))
    yield page
    page.context.close()


def test_interface_inside_blocks_submits_and_clears(page):
    expect(page.get_by_role("heading", name="Shouter")).to_be_visible()
    expect(page.get_by_text("An Interface rendered inside Blocks.")).to_be_visible()
    page.get_by_label("text", exact=True).fill("quiet")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True)).to_have_value("QUIET!")
    # Submit and Clear sit side by side under the inputs, Clear first (Gradio's order).
    clear = page.get_by_role("button", name="Clear").last.bounding_box()
    submit = page.get_by_role("button", name="Submit").bounding_box()
    assert abs(clear["y"] - submit["y"]) < 2 and clear["x"] < submit["x"]
    page.get_by_role("button", name="Clear").last.click()
    expect(page.get_by_label("text", exact=True)).to_have_value("")
    expect(page.get_by_label("output", exact=True)).to_have_value("")


def test_enter_submits_and_examples_fill_inputs(page):
    box = page.get_by_label("text", exact=True)
    box.fill("enter")
    box.press("Enter")
    expect(page.get_by_label("output", exact=True)).to_have_value("ENTER!")
    page.get_by_text("wasm", exact=True).click()
    expect(box).to_have_value("wasm")
    assert not page.wasmblocks_errors


def test_tabbed_interface_with_live_interface(open_app, site_url, tmp_path):
    app = tmp_path / "tabbed.py"
    app.write_text(TABBED)
    page = open_app(site_url(app))
    expect(page.get_by_role("tab", name="Greet")).to_have_attribute("aria-selected", "true")
    page.get_by_label("name", exact=True).fill("Ada")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True).first).to_have_value("Hello Ada!")
    page.get_by_role("tab", name="Double").click()
    expect(page.get_by_role("button", name="Submit")).to_be_hidden()  # live: no submit button
    x = page.get_by_label("x", exact=True)
    x.fill("21")
    x.press("Tab")
    expect(page.get_by_role("tabpanel").filter(has=x).get_by_label("output", exact=True)).to_have_value("42")
    assert not page.wasmblocks_errors


def test_deep_link_button_enables_after_a_cached_example_shows_its_result(open_app, site_url, tmp_path):
    # Gradio 6.31: an Interface's Share-via-Link starts disabled and is enabled after Submit, or after a
    # clicked cached example has filled the output (Gradio's spec chatinterface_deep_link does the latter).
    app = tmp_path / "deep_link.py"
    app.write_text(DEEP_LINK)
    page = open_app(site_url(app))
    share = page.get_by_role("button", name="Share via Link")
    expect(share).to_be_disabled()
    page.locator(".table").first.click()
    expect(page.get_by_label("Output", exact=True)).to_have_value("Hello: Freddy")
    expect(share).to_be_enabled()
    assert not page.wasmblocks_errors

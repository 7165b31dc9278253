"""Visibility as Gradio's own tests check it: a visible="hidden" component keeps its value and still takes part
in events (and a Number without precision passes 1, not 1.0), a default one-line Textbox is a <textarea>,
showing an Accordion leaves its hidden children hidden, a Tab panel is not labelled by its tab (getByLabel
finds the textbox only), and gr.Tabs(selected=…) set by an event switches tabs."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr

with gr.Blocks() as demo:
    with gr.Tabs(selected="a2") as tabs:
        with gr.Tab("Invisible Textbox Demo", id="a1"):
            gr.Markdown("Text 1!")
            counter = gr.Number(value=0, visible="hidden", elem_id="counter")
            increment = gr.Button("Increment Counter")
            result = gr.Textbox(label="Counter Result", elem_id="counter-result")
            increment.click(lambda n: n + 1, counter, counter)
            counter.change(lambda n: f"Counter Result: {n}", counter, result)
        with gr.Tab("Second", id="a2"):
            gr.Markdown("Text 2!")
            with gr.Accordion("Acc", visible=False) as acc:
                shown = gr.Textbox(label="Visible Textbox", interactive=True)
                gr.Number(label="Hidden Number", value=100, visible=False, elem_id="hidden-number")
            gr.Button("Show Accordion").click(lambda: gr.Accordion(visible=True), outputs=acc)
            gr.Button("Hide Accordion").click(lambda: gr.Accordion(visible=False), outputs=acc)
        with gr.Tab("Third", id="a3"):
            gr.Markdown("Text 3!")
    pick = gr.Number(label="Select Tab #")
    pick.submit(lambda x: gr.Tabs(selected=f"a{x}"), pick, tabs)
"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("visibility_app.py", APP))
    yield page
    page.context.close()


def test_tabs_selected_at_start_and_by_an_event(page):
    expect(page.get_by_text("Text 2!")).to_be_visible()
    expect(page.get_by_text("Text 1!")).to_be_hidden()
    page.get_by_label("Select Tab #").fill("3")
    page.get_by_label("Select Tab #").press("Enter")
    expect(page.get_by_text("Text 3!")).to_be_visible()
    expect(page.get_by_text("Text 2!")).to_be_hidden()


def test_showing_an_accordion_keeps_its_hidden_children_hidden(page):
    page.get_by_role("tab", name="Second").click()
    page.get_by_role("button", name="Show Accordion").click()
    box = page.get_by_label("Visible Textbox")  # not also the panel of the tab "Invisible Textbox Demo"
    expect(box).to_be_visible()
    expect(page.locator("#hidden-number")).to_have_count(0)
    box.fill("Hello there")
    page.get_by_role("button", name="Hide Accordion").click()
    expect(box).to_be_hidden()
    page.get_by_role("button", name="Show Accordion").click()
    expect(box).to_have_value("Hello there")


def test_a_hidden_component_keeps_its_value_and_takes_part_in_events(page):
    page.get_by_role("tab", name="Invisible Textbox Demo").click()
    result = page.locator("#counter-result textarea")  # Gradio's default one-line Textbox is a textarea
    expect(result).to_have_value("")
    page.get_by_role("button", name="Increment Counter").click()
    expect(result).to_have_value("Counter Result: 1")
    page.get_by_role("button", name="Increment Counter").click()
    expect(result).to_have_value("Counter Result: 2")
    expect(page.locator("#counter")).to_be_attached()
    expect(page.locator("#counter")).to_be_hidden()
    assert not page.wasmblocks_errors

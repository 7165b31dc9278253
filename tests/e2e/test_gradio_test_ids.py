"""The data-testids Gradio users' Playwright tests select by, rendered with Gradio's text and counts:
`json` (its whole text, nodes collapsed from depth 3), `checkbox-group`, Dataframe cells `cell-R-C`, and one
`textbox` per textbox in a multipage app (only the open page is in the DOM)."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr

with gr.Blocks() as demo:
    diseases = gr.CheckboxGroup(["Covid", "Malaria", "Lung Cancer"], label="Disease to Scan For")
    out = gr.JSON(show_indices=True)
    deep = gr.JSON({"a": {"b": {"c": {"d": 1}}}, "list": [1, 2]}, label="Deep")
    run = gr.Button("Run")
    run.click(lambda d: [{x: [0.25, 0.5, 0.75][i] for i, x in enumerate(d)}], diseases, out)
    table = gr.Dataframe([[1, "Item 1"], [2, "Item 2"]], headers=["ID", "Name"], elem_id="table")
    name = gr.Textbox(label="Name")

with demo.route("Other", "other"):
    gr.Textbox(label="Other name")
"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("test_ids_app.py", APP))
    yield page
    page.context.close()


def test_checkbox_group_text_reads_as_gradios(page):
    expect(page.get_by_test_id("checkbox-group")).to_have_text("Covid Malaria Lung Cancer")


def test_json_text_reads_as_gradios(page):
    page.get_by_title("Covid").check()
    page.get_by_title("Lung Cancer").check()
    page.get_by_role("button", name="Run").click()
    # Gradio's own blocks_xray spec compares this exact text (whitespace normalised).
    expect(page.get_by_test_id("json").first).to_have_text('[ "0": { "Covid": 0.25 , "Lung Cancer": 0.5 } ]')


def test_json_collapses_from_depth_three(page):
    deep = page.get_by_test_id("json").nth(1)
    # Gradio's text: the collapsed node's preview, then its hidden children (still in the DOM).
    expect(deep).to_have_text('Deep { "a": { "b": { "c": { Object(1) } "d": 1 } } } , "list": [ 1 , 2 ] }')
    expect(deep.get_by_text('"d"')).to_be_hidden()
    expect(deep.get_by_text('"b"')).to_be_visible()
    deep.get_by_role("button", name="Expand").click()
    expect(deep.get_by_text('"d"')).to_be_visible()
    expect(deep).to_have_text('Deep { "a": { "b": { "c": { "d": 1 } } } , "list": [ 1 , 2 ] }')


def test_dataframe_cells_have_row_column_test_ids(page):
    table = page.locator("#table")
    expect(table.get_by_test_id("cell-0-1")).to_have_text("Item 1")
    expect(table.get_by_test_id("cell-1-0")).to_have_text("2")


def test_one_textbox_test_id_per_textbox_in_a_multipage_app(page):
    expect(page.get_by_test_id("textbox")).to_have_count(1)
    page.get_by_test_id("textbox").fill("still here")
    page.get_by_role("link", name="Other").click()
    expect(page.get_by_test_id("textbox")).to_have_count(1)
    expect(page.get_by_label("Other name")).to_be_visible()
    page.go_back()
    expect(page.get_by_label("Name", exact=True)).to_have_value("still here")
    assert not page.wasmblocks_errors

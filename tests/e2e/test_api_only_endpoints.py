"""gr.api: an endpoint with no components, called from the page's JS API (window.wasmblocks)."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr

with gr.Blocks() as demo:
    gr.Markdown("An app whose tool has no UI")

    def slice_list(lst: list[int], start: int, end: int = 3) -> list[int]:
        return lst[start:end]

    gr.api(slice_list)

demo.launch()
"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("api_only_app.py", APP))
    yield page
    page.context.close()


def test_the_endpoint_is_listed_and_called_with_defaults_and_by_name(page):
    info = page.evaluate("() => window.wasmblocks.view_api()")
    params = info["named_endpoints"]["/slice_list"]["parameters"]
    assert [p["parameter_name"] for p in params] == ["lst", "start", "end"]
    assert params[0]["type"] == {"type": "array", "items": {"type": "integer"}}
    assert page.evaluate("async () => (await window.wasmblocks.predict('/slice_list', [[5, 6, 7, 8], 1])).data") \
        == [[6, 7]]
    by_name = "async () => (await window.wasmblocks.predict('/slice_list', {lst: [1, 2, 3], start: 0, end: 1})).data"
    assert page.evaluate(by_name) == [[1]]
    expect(page.get_by_text("An app whose tool has no UI")).to_be_visible()
    assert not page.wasmblocks_errors

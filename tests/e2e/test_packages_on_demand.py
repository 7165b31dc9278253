"""Pyodide packages are loaded when a value or an input's type needs them, and not otherwise: an output
gr.Image (type="numpy", Gradio's default) given a file path makes no request for numpy or Pillow; a
gr.Dataframe input (type="pandas", the default) loads pandas on demand, and the export lists it so the page
starts fetching it at boot. Offline here, the package index cannot be reached: the request is seen, and
the error names the package."""

import re
import textwrap
from urllib.parse import urlparse

from playwright.sync_api import expect

IMAGE_APP = textwrap.dedent('''
    import tempfile
    import gradio as gr

    # A 2x2 PNG: written as bytes, so nothing here needs numpy or Pillow.
    PNG = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001149444154789c63f8cfc000440c"
        "60f23f001bf203fdf3e74bb10000000049454e44ae426082"
    )

    def show():
        path = tempfile.mktemp(suffix=".png")
        with open(path, "wb") as f:
            f.write(PNG)
        return path

    with gr.Blocks() as demo:
        shown = gr.Image(label="Shown")
        gr.Button("Show").click(show, None, shown)
        gr.Button("Show URL").click(lambda: "https://example.invalid/cat.png", None, shown)
''')

TABLE_APP = textwrap.dedent('''
    import gradio as gr

    with gr.Blocks() as demo:
        table = gr.Dataframe(value=[[1, 2], [3, 4]], headers=["a", "b"], label="Table")
        total = gr.Textbox(label="Total")
        gr.Button("Sum").click(lambda df: str(int(df.to_numpy().sum())), table, total)
        rows = gr.Dataframe(value=[[5, 6]], headers=["a", "b"], type="array", label="Rows")
        gr.Button("Count").click(lambda r: str(len(r)), rows, total)
''')


def _foreign_requests(page, site):
    """Every request the page or its worker makes to a host other than the test server, as it happens."""
    ours = urlparse(site).netloc
    seen: list[str] = []
    page.context.on("request", lambda r: seen.append(r.url) if urlparse(r.url).netloc not in (ours, "") else None)
    return seen


def test_an_output_image_given_a_path_requests_neither_numpy_nor_pillow(open_app, source_url):
    site = source_url("image_out.py", IMAGE_APP)
    page = open_app(site, wait_for=None)
    foreign = _foreign_requests(page, site)
    expect(page.locator("#wasmblocks-app")).to_have_attribute("data-state", "ready", timeout=120_000)
    page.get_by_role("button", name="Show", exact=True).click()
    shown = page.locator(".block").filter(has_text="Shown").locator("img")
    expect(shown).to_have_attribute("src", re.compile(r"^blob:"))
    assert shown.evaluate("img => img.decode().then(() => img.naturalWidth)") == 2
    assert not page.wasmblocks_errors  # (the URL below is offline here: its picture fails to load)
    page.get_by_role("button", name="Show URL").click()
    expect(shown).to_have_attribute("src", "https://example.invalid/cat.png")
    # The URL is the page's own request for the picture; nothing went to the package index.
    assert [u for u in foreign if "example.invalid" not in u] == []
    assert not page.get_by_test_id("toast-body").count()


def test_a_pandas_dataframe_input_loads_pandas_on_demand_and_names_it_offline(open_app, source_url):
    site = source_url("table_in.py", TABLE_APP)
    page = open_app(site, wait_for=None)
    foreign = _foreign_requests(page, site)
    expect(page.locator("#wasmblocks-app")).to_have_attribute("data-state", "ready", timeout=120_000)
    # The export found a pandas input: the worker starts fetching pandas from the package index at boot.
    if not any("pandas" in u for u in foreign):
        page.context.wait_for_event("request", predicate=lambda r: "pandas" in r.url)
    at_boot = [u for u in foreign if "pandas" in u]
    page.get_by_role("button", name="Count").click()  # type="array": needs no package
    expect(page.get_by_label("Total")).to_have_value("1")
    page.get_by_role("button", name="Sum").click()
    toast = page.get_by_test_id("toast-body").filter(has_text='needs the "pandas" package, which could not be loaded')
    expect(toast).to_be_visible(timeout=60_000)
    expect(toast).to_contain_text('type="array"')
    on_demand = [u for u in foreign if "pandas" in u]
    assert at_boot, foreign
    assert len(on_demand) > len(at_boot), foreign  # the event asked the index again, then named the package
    assert all(urlparse(u).path.split("/")[-1].startswith(("pandas", "numpy", "python_dateutil", "pytz", "six"))
               for u in foreign), foreign
    # The app still answers.
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_label("Total")).to_have_value("1")
    assert not page.wasmblocks_errors  # the boot's prefetch failed quietly; the event said why in its toast

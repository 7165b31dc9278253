"""A page written the way Gradio-Lite's documentation showed, with only its <script> tag swapped for ours:
<gradio-lite> with inline code (gr.Interface(...).launch()), and one with <gradio-file name=… entrypoint>
files, <gradio-requirements>, and the playground, layout and theme attributes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_publish_share import make_wheel  # a tiny offline wheel (tinypkg 1.0)

BOOT_MS = 90_000

PAGE = """<!doctype html>
<html>
	<head>
		<meta charset="utf-8"><link rel="icon" href="data:,">
		<script type="module" crossorigin src="../assets/embed.js"></script>
	</head>
	<body>
		<gradio-lite id="inline">
		import gradio as gr

		def greet(name):
			return "Hello, " + name + "!"

		gr.Interface(greet, "textbox", "textbox").launch()
		</gradio-lite>

		<gradio-lite id="files" playground layout="horizontal" theme="dark">
			<gradio-requirements>
			{wheel}
			</gradio-requirements>

			<gradio-file name="app.py" entrypoint>
			import gradio as gr
			import tinypkg
			from utils import add

			demo = gr.Interface(fn=add, inputs=["number", "number"], outputs="number",
			                    title=f"Adder {{tinypkg.VALUE}}")
			demo.launch()
			</gradio-file>

			<gradio-file name="utils.py" >
			def add(a, b):
				return a + b
			</gradio-file>
		</gradio-lite>
	</body>
</html>
"""


@pytest.fixture(scope="module")
def page(app_opener, static_server, export_app):
    site = export_app("hello", static_server.root / "lite-site")
    host = site / "lite"
    host.mkdir(exist_ok=True)
    make_wheel(host / "tinypkg-1.0-py3-none-any.whl")
    wheel = f"{static_server.url}lite-site/lite/tinypkg-1.0-py3-none-any.whl"
    (host / "index.html").write_text(PAGE.format(wheel=wheel), encoding="utf-8")
    page = app_opener(f"{static_server.url}lite-site/lite/", wait_for=None)
    for sel in ("#inline", "#files"):
        expect(page.locator(sel)).to_have_attribute("data-state", "ready", timeout=BOOT_MS)
    yield page
    page.context.close()


def test_inline_gradio_lite_code_runs(page):
    app = page.locator("#inline")
    app.get_by_label("name").fill("Ada")
    app.get_by_role("button", name="Submit").click()
    expect(app.get_by_label("output")).to_have_value("Hello, Ada!")


def test_gradio_files_requirements_and_theme(page):
    app = page.locator("#files")
    expect(app.locator(".wb-lite-preview").get_by_role("heading", name="Adder tiny-ok")).to_be_visible()
    app.get_by_label("a", exact=True).fill("2")
    app.get_by_label("b", exact=True).fill("3")
    app.get_by_role("button", name="Submit").click()
    expect(app.get_by_label("output")).to_have_value("5")
    assert app.locator(".wb-embed, .gradio-container").first.evaluate("el => el.closest('.dark') !== null")
    assert page.locator("#inline .dark").count() == 0


def test_playground_edits_and_reruns_the_code(page):
    app = page.locator("#files")
    playground = app.locator(".wb-lite-playground")
    expect(playground).to_have_attribute("data-layout", "horizontal")
    editor = app.get_by_label("Code input")
    expect(editor).to_contain_text("from utils import add")
    code, preview = app.locator(".wb-lite-code").bounding_box(), app.locator(".wb-lite-preview").bounding_box()
    assert code["x"] + code["width"] <= preview["x"] + 1  # side by side
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type('import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Markdown("Edited app")\n')
    app.get_by_role("button", name="Run").click()
    expect(app.locator(".wb-lite-preview").get_by_text("Edited app")).to_be_visible(timeout=30_000)
    assert not [e for e in page.wasmblocks_errors if "lite.css" not in e]

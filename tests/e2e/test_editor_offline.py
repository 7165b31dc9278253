"""The editor (run, restart without reloading Python, error with file and line, share link, autosaved
draft) and the offline cache (a repeat visit boots with the server stopped). Two boots per test."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from wasmblocks_build.httpd import StaticHandler, make_server, serve_in_thread

FIRST = "import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Out', value='first run')\n"
SECOND = "import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Out', value='second run')\n"
BROKEN = "import gradio as gr\n\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Out')\n    1 / 0\n"
HELPER = "def shout(text):\n    return text.upper() + '!'\n"
USES_HELPER = "import gradio as gr\nfrom helpers import shout\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Out', value=shout('two files'))\n"


def set_code(page, text: str) -> None:
    """Replace the editor's text (CodeMirror's content element takes keyboard input)."""
    content = page.locator(".cm-content")
    content.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


def test_editor_runs_restarts_reports_and_shares(app_opener, site_url):
    page = app_opener(site_url("hello") + "editor.html", wait_for=None)
    try:
        preview = page.locator("#wb-preview")
        frame = page.frame_locator("#wb-preview iframe")
        expect(preview).to_have_attribute("data-state", "ready", timeout=60_000)  # the starter app
        set_code(page, FIRST)
        page.keyboard.press("ControlOrMeta+Enter")
        expect(frame.get_by_label("Out")).to_have_value("first run", timeout=30_000)
        page.evaluate("performance.mark('before-rerun')")
        set_code(page, SECOND)
        page.get_by_role("button", name="Run ▶").click()
        expect(frame.get_by_label("Out")).to_have_value("second run", timeout=30_000)
        # Same Python: the sandbox iframe and its worker were not recreated (one pyodide.asm.wasm fetch).
        assert page.locator("#wb-preview iframe").count() == 1

        set_code(page, BROKEN)
        page.keyboard.press("ControlOrMeta+Enter")
        problem = page.locator("#wb-editor-problem")
        expect(problem).to_contain_text("ZeroDivisionError", timeout=30_000)
        expect(problem.get_by_role("button")).to_have_text("app.py, line 5")

        # "+ File" asks for the name in place; a bad name is refused with a reason, a good one opens a tab.
        page.get_by_role("button", name="+ File").click()
        page.get_by_label("New file name").fill("../escape.py")
        page.get_by_label("New file name").press("Enter")
        expect(problem).to_contain_text("Bad file name: ../escape.py")
        expect(page.get_by_role("tab", name="../escape.py")).to_have_count(0)
        page.get_by_role("button", name="+ File").click()
        page.get_by_label("New file name").fill("helpers.py")
        page.get_by_label("New file name").press("Enter")
        expect(page.get_by_role("tab", name="helpers.py")).to_have_attribute("aria-selected", "true")
        set_code(page, HELPER)
        page.get_by_role("tab", name="app.py").click()
        set_code(page, USES_HELPER)
        page.keyboard.press("ControlOrMeta+Enter")
        expect(frame.get_by_label("Out")).to_have_value("TWO FILES!", timeout=30_000)

        set_code(page, SECOND)
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.get_by_role("button", name="Share").click()
        link = page.get_by_label("Share link")
        expect(link).to_be_visible()
        url = link.input_value()
        assert "player.html#code=" in url

        page.reload()  # the draft survives a reload
        expect(page.locator(".cm-content")).to_contain_text("second run", timeout=20_000)

        page.goto(url)
        expect(page.locator("#wasmblocks-player")).to_have_attribute("data-state", "ready", timeout=60_000)
        expect(page.frame_locator("iframe").get_by_label("Out")).to_have_value("second run")
    finally:
        page.context.close()


class _Quiet(StaticHandler):
    quiet = True


@pytest.fixture
def own_server(tmp_path, export_app):
    """A server of our own (the session one must keep running) with one exported site."""
    root = tmp_path / "www"
    export_app("hello", root / "offline" / "site")
    httpd = make_server(root, "127.0.0.1", 0, handler=_Quiet)
    serve_in_thread(httpd)
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}/offline/site/"
    httpd.shutdown()
    httpd.server_close()


def test_repeat_visit_boots_with_the_server_stopped(app_opener, own_server):
    httpd, url = own_server
    page = app_opener(url)
    try:
        # The service worker precaches the whole export, then controls the page.
        page.wait_for_function(
            "(async () => { const r = await navigator.serviceWorker.ready; return r.active && r.active.state === 'activated'; })()",
            timeout=60_000,
        )
        httpd.shutdown()
        httpd.server_close()
        page.reload()
        expect(page.locator("#wasmblocks-app")).to_have_attribute("data-state", "ready", timeout=60_000)
        page.get_by_label("Name").fill("Ada")  # and the app's Python runs, from cached files only
        expect(page.get_by_label("Greeting")).to_have_value(re.compile("Ada"))
    finally:
        page.context.close()

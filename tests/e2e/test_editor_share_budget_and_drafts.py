"""The editor's Share within the link size budget (a warning past 8,000 characters, no link past 2 MiB, the
app to download instead), and a link's app that asks before it replaces the saved draft."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from wasmblocks_build.share import encode_payload

DRAFT = "import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Out', value='my draft')\n"
LINKED = "import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Textbox(label='Out', value='from the link')\n"


def set_code(page, text: str) -> None:
    content = page.locator(".cm-content")
    content.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


@pytest.fixture
def editor(app_opener, site_url):
    page = app_opener(site_url("hello") + "editor.html", wait_for=None, accept_downloads=True)
    expect(page.locator("#wb-preview")).to_have_attribute("data-state", "ready", timeout=60_000)
    yield page
    page.context.close()


def test_share_past_the_safe_length_warns_and_offers_the_app_as_a_file(editor):
    page = editor
    noise = page.evaluate("() => { const b = new Uint8Array(9000); crypto.getRandomValues(b); return b.toBase64(); }")
    code = f"import gradio as gr\n# {noise}\nwith gr.Blocks() as demo:\n    gr.Markdown('long')\n"
    set_code(page, code)
    page.get_by_role("button", name="Share").click()
    notice = page.locator("#wb-editor-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Chat and mail programs may cut off links over 8,000 characters")
    expect(notice).to_contain_text("build.py export")
    link = page.get_by_label("Share link").input_value()
    assert len(link) > 8000 and f"{len(link):,} characters" in notice.inner_text()
    with page.expect_download() as info:
        notice.get_by_role("button", name="Download the app").click()
    download = info.value
    assert download.suggested_filename == "app.py"
    assert Path(download.path()).read_text(encoding="utf-8") == code
    # The long link still opens the app.
    page.goto(link)
    expect(page.locator("#wasmblocks-player")).to_have_attribute("data-state", "ready", timeout=60_000)
    expect(page.frame_locator("iframe").get_by_test_id("markdown")).to_contain_text("long")


def test_share_past_what_browsers_open_makes_no_link(editor):
    page = editor
    # A draft with a 2.3 MB data file (random text barely compresses): the link would pass 2 MiB.
    page.evaluate("""(draft) => {
        const bytes = new Uint8Array(1_700_000);
        for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
        const files = { 'app.py': draft, 'data.txt': bytes.toBase64() };
        const app = { entrypoint: 'app.py', files, requirements: ['humanize'] };
        const key = Object.keys(localStorage)
          .find((k) => k.startsWith('wasmblocks-editor-draft:') && !k.endsWith(':previous'));
        localStorage.setItem(key, JSON.stringify(app));
    }""", DRAFT)
    page.reload()
    expect(page.get_by_role("tab", name="data.txt")).to_be_visible(timeout=20_000)
    page.get_by_role("button", name="Share").click()
    notice = page.locator("#wb-editor-notice")
    expect(notice).to_contain_text("Browsers refuse links over 2,097,152 (2 MiB), so no link was made", timeout=30_000)
    expect(page.get_by_label("Share link")).to_be_hidden()
    with page.expect_download() as info:
        notice.get_by_role("button", name="Download the app").click()
    download = info.value
    assert download.suggested_filename == "app.zip"
    with zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes())) as z:
        assert sorted(z.namelist()) == ["app.py", "data.txt", "requirements.txt"]
        assert z.read("app.py").decode() == DRAFT and z.read("requirements.txt") == b"humanize\n"


def draft_in_storage(page) -> dict:
    return json.loads(page.evaluate(
        "() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('wasmblocks-editor-draft:')"
        " && !k.endsWith(':previous')))"
    ))


def test_a_link_asks_before_it_replaces_the_draft_and_the_draft_comes_back(editor, site_url):
    page = editor
    set_code(page, DRAFT)
    page.keyboard.press("ControlOrMeta+Enter")
    frame = page.frame_locator("#wb-preview iframe")
    expect(frame.get_by_label("Out")).to_have_value("my draft", timeout=30_000)
    link = f"{site_url('hello')}editor.html#code={encode_payload({'app.py': LINKED}, 'app.py')}"
    page.goto("about:blank")
    page.goto(link)

    notice = page.locator("#wb-editor-notice")
    expect(notice).to_contain_text("Opening it replaces your saved draft", timeout=20_000)
    expect(page.locator(".cm-content")).to_contain_text("my draft")  # nothing replaced yet
    assert draft_in_storage(page)["files"]["app.py"] == DRAFT
    notice.get_by_role("button", name="Open the link's app").click()
    expect(page.locator(".cm-content")).to_contain_text("from the link")
    expect(frame.get_by_label("Out")).to_have_value("from the link", timeout=30_000)
    assert draft_in_storage(page)["files"]["app.py"] == LINKED
    assert "#code=" not in page.url

    notice.get_by_role("button", name="Restore my draft").click()
    expect(page.locator(".cm-content")).to_contain_text("my draft")
    expect(frame.get_by_label("Out")).to_have_value("my draft", timeout=30_000)
    assert draft_in_storage(page)["files"]["app.py"] == DRAFT

    # "Keep my draft": the link is dropped, the draft stays, and a reload does not ask again.
    page.goto("about:blank")
    page.goto(link)
    expect(notice).to_contain_text("Opening it replaces your saved draft", timeout=20_000)
    notice.get_by_role("button", name="Keep my draft").click()
    expect(notice).to_be_hidden()
    assert "#code=" not in page.url
    page.reload()
    expect(page.locator(".cm-content")).to_contain_text("my draft", timeout=20_000)
    expect(notice).to_be_hidden()


def test_a_link_over_no_draft_or_the_same_draft_opens_without_asking(app_opener, site_url):
    link = f"{site_url('hello')}editor.html#code={encode_payload({'app.py': LINKED}, 'app.py')}"
    page = app_opener(link, wait_for=None)
    try:
        expect(page.locator(".cm-content")).to_contain_text("from the link", timeout=20_000)
        page.goto("about:blank")
        page.goto(link)  # the draft is now this very app: nothing to lose, nothing to ask
        expect(page.locator(".cm-content")).to_contain_text("from the link", timeout=20_000)
        expect(page.locator("#wb-editor-notice")).to_be_hidden()
    finally:
        page.context.close()

"""The testing kit's fixture and waits (wasmblocks_testing): wasmblocks_app opens an app ready to use, a boot
error fails with the app's traceback, wait_idle returns only once streamed and queued work has landed
(data-busy), and a test written with Gradio's own selectors passes against an app exported here."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from wasmblocks.testing import App, AppStartError

APP = '''
import time
import gradio as gr

def spell(word):
    shown = ""
    for letter in word:
        time.sleep(0.1)
        shown += letter
        yield shown

def slow(tag):
    time.sleep(0.4)
    return tag

def shout(text):
    return text.upper()

def fail():
    raise gr.Error("No luck today")

with gr.Blocks() as demo:
    word = gr.Textbox(label="Word", value="wasm")
    spelled = gr.Textbox(label="Spelled")
    gr.Button("Spell it").click(spell, word, spelled)
    first = gr.Textbox(label="First")
    second = gr.Textbox(label="Second")
    chained = gr.Textbox(label="Chained")
    # One worker for both: the second click waits in the queue until the first has run.
    gr.Button("One").click(lambda: slow("one"), None, first, concurrency_id="slow", concurrency_limit=1) \\
        .then(shout, first, chained)
    gr.Button("Two").click(lambda: slow("two"), None, second, concurrency_id="slow", concurrency_limit=1)
    gr.Button("Fail").click(fail)
    table = gr.Dataframe(value=[[1, "a"], [2, "b"]], headers=["n", "letter"], label="Table")
'''

# Every data-busy value the root takes from now on, in order.
RECORD_BUSY = """() => {
  const root = document.getElementById("wasmblocks-app");
  window.__busy = [root.dataset.busy];
  new MutationObserver(() => window.__busy.push(root.dataset.busy))
    .observe(root, { attributes: true, attributeFilter: ["data-busy"] });
}"""


@pytest.fixture
def app(wasmblocks_app) -> App:
    """A fresh page per test (exported once): each test starts from the app's first state."""
    return wasmblocks_app(APP)


def test_the_fixture_returns_a_ready_idle_app(wasmblocks_app) -> None:
    app = wasmblocks_app(APP)
    assert app.root.get_attribute("data-state") == "ready"
    assert app.root.get_attribute("data-busy") == "0"
    app.textbox("Word").expect_value("wasm")


def test_a_boot_error_fails_with_the_apps_traceback(wasmblocks_app) -> None:
    broken = "import gradio as gr\n\ndef build():\n    raise ValueError('the config is missing')\n\nbuild()\n"
    with pytest.raises(AppStartError, match=r"failed to start:[\s\S]*ValueError: the config is missing") as failed:
        wasmblocks_app(broken)
    assert "build()" in str(failed.value)  # the traceback's lines, not only the last one


def test_wait_idle_returns_after_a_generators_last_value_is_drawn(app: App) -> None:
    app.page.evaluate(RECORD_BUSY)
    app.button("Spell it").click()
    app.wait_idle()
    # Read once, no retry: the stream has ended and its last value is on screen.
    assert app.textbox("Spelled").value == "wasm"
    busy = app.page.evaluate("() => window.__busy")
    assert busy[0] == "0" and busy[-1] == "0" and any(int(b) > 0 for b in busy), busy


def test_wait_idle_waits_for_a_queued_event_and_a_chained_one(app: App) -> None:
    app.page.evaluate(RECORD_BUSY)
    # Both clicks in one task: the second is queued behind the first (concurrency_limit=1).
    app.page.evaluate("""() => {
      const buttons = [...document.querySelectorAll("#wasmblocks-app button")];
      for (const name of ["One", "Two"]) buttons.find((b) => b.innerText.trim() === name).click();
    }""")
    app.wait_idle()
    assert app.textbox("First").value == "one"
    assert app.textbox("Second").value == "two"
    assert app.textbox("Chained").value == "ONE"
    busy = [int(b) for b in app.page.evaluate("() => window.__busy")]
    assert max(busy) >= 2 and busy[-1] == 0, busy  # both counted at once while the second waited


def test_gradio_style_selectors_work_against_the_export(app: App) -> None:
    # Written as Gradio's own browser tests are: labels, roles, text= and data-testid only.
    page = app.page
    page.get_by_label("Word").fill("hi")
    page.click("text=Spell it")
    expect(page.get_by_label("Spelled")).to_have_value("hi")
    expect(page.get_by_test_id("textbox").first).to_be_visible()
    page.get_by_role("button", name="Fail").click()
    toast = page.get_by_test_id("toast-body")
    expect(toast).to_contain_text("No luck today")
    page.get_by_test_id("toast-close").first.click()
    expect(page.get_by_test_id("toast-body")).to_have_count(0)
    expect(page.get_by_test_id("cell-1-1")).to_contain_text("b")
    expect(page.get_by_test_id("cell-0-0")).to_contain_text("1")


def test_a_folder_app_with_its_own_module(wasmblocks_app, tmp_path) -> None:
    (tmp_path / "app.py").write_text(
        "import gradio as gr\nfrom helpers import shout\n\nwith gr.Blocks() as demo:\n"
        "    said = gr.Textbox(label='Say')\n    heard = gr.Textbox(label='Heard')\n"
        "    said.submit(shout, said, heard)\n", encoding="utf-8")
    (tmp_path / "helpers.py").write_text("def shout(text):\n    return text.upper() + '!'\n", encoding="utf-8")
    app = wasmblocks_app(tmp_path)
    app.textbox("Say").fill("hey").submit()
    app.textbox("Heard").expect_value("HEY!")

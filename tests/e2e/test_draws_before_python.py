"""Draw before Python: an exported page shows the app's labelled controls from the tree `export` made under
CPython while the worker has not even started (its script is held back here), keeps what the visitor types
and clicks meanwhile, and answers it once, when Python is ready — on the same tree, or on a worker tree that
differs (a clean swap that keeps the visitor's input)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

APP = """
import sys
import gradio as gr

def greet(name):
    return f"Hello, {name}!"

def add(n):
    return n + 1

with gr.Blocks() as demo:
    gr.Markdown("# Counter" + SUFFIX)
    name = gr.Textbox(label="Name")
    greeting = gr.Textbox(label="Greeting")
    count = gr.Number(label="Clicks", value=0)
    add_one = gr.Button("Add one")
    echo_in = gr.Textbox(label="Echo in")
    echo_out = gr.Textbox(label="Echo out")
    name.submit(greet, name, greeting)
    add_one.click(add, count, count)
    echo_in.submit(lambda s: s, echo_in, echo_out)
"""
SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
# The same app every time, or one whose tree in the worker differs from the one made at build time.
SAME = APP.replace("SUFFIX", '""')
DIFFERENT = APP.replace("SUFFIX", '(" (browser)" if sys.platform == "emscripten" else " (build)")')
# A worker tree with a block put before the others (so none is at its drawn place) and one left out.
MOVED = """
import sys
import gradio as gr

with gr.Blocks() as demo:
    if sys.platform == "emscripten":
        gr.Markdown("Running in your browser")
    name = gr.Textbox(label="Name")
    greeting = gr.Textbox(label="Greeting")
    if sys.platform != "emscripten":
        gr.Textbox(label="Build notes")
    name.submit(lambda n: f"Hello, {n}!", name, greeting)
"""


def block_of(page, label):
    return page.locator(".block").filter(has=page.get_by_label(label, exact=True))


class HeldWorker:
    """Holds back the page's request for the worker's script (so Python cannot start) until let_go()."""

    def __init__(self) -> None:
        self.held: list = []
        self.released = False

    def __call__(self, route) -> None:
        if self.released:
            route.continue_()
        else:
            self.held.append(route)

    def let_go(self) -> None:
        self.released = True
        for route in self.held:
            route.continue_()
        self.held.clear()


@pytest.fixture
def held_page(browser, source_url) -> Iterator:
    contexts = []

    def _open(source: str):
        name = {id(SAME): "counter.py", id(DIFFERENT): "counter_swap.py"}.get(id(source), "moved.py")
        url = source_url(name, source)
        context = browser.new_context(service_workers="block")
        contexts.append(context)
        held = HeldWorker()
        context.route("**/assets/worker.js", held)
        page = context.new_page()
        page.wasmblocks_errors = []
        page.on("pageerror", lambda e: page.wasmblocks_errors.append(str(e)))
        page.on("console", lambda m: page.wasmblocks_errors.append(m.text) if m.type == "error" else None)
        page.goto(url)
        return page, held

    yield _open
    for context in contexts:
        context.close()


def _use_before_python(page) -> None:
    root = page.locator("#wasmblocks-app")
    for label in ("Name", "Greeting", "Clicks", "Echo in"):
        expect(page.get_by_label(label)).to_be_visible()
    expect(page.get_by_role("button", name="Add one")).to_be_visible()
    assert root.get_attribute("data-state") == "loading"  # honest: drawn, not answering yet
    assert root.get_attribute("aria-busy") == "true"
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Name").press("Enter")
    page.get_by_role("button", name="Add one").click()
    assert page.get_by_label("Greeting").input_value() == ""  # nobody has answered yet
    # Taken, not lost: the held events' outputs show Gradio's pending status until Python answers.
    for label in ("Greeting", "Clicks"):
        expect(block_of(page, label).get_by_test_id("status-tracker")).to_be_visible()


def _answered_once(page) -> None:
    expect(page.locator("#wasmblocks-app")).to_have_attribute("data-state", "ready", timeout=90_000)
    expect(page.get_by_label("Greeting")).to_have_value("Hello, Ada!")
    expect(page.get_by_label("Clicks")).to_have_value("1")
    for label in ("Greeting", "Clicks"):
        expect(block_of(page, label).get_by_test_id("status-tracker")).to_have_count(0)
    # A later event: the worker answers in order, so a doubled earlier one would have landed before this.
    page.get_by_label("Echo in").fill("after")
    page.get_by_label("Echo in").press("Enter")
    expect(page.get_by_label("Echo out")).to_have_value("after")
    assert page.get_by_label("Clicks").input_value() == "1"
    assert page.get_by_label("Name").input_value() == "Ada"
    assert not page.wasmblocks_errors, page.wasmblocks_errors


def test_the_app_is_drawn_and_used_before_python_starts_and_answered_once_ready(held_page) -> None:
    page, held = held_page(SAME)
    _use_before_python(page)
    assert held.held, "the worker's script was held back"
    page.get_by_label("Name").evaluate("el => { el.__drawnEarly = true; }")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "draw-before-python.png"), animations="disabled", caret="hide")
    held.let_go()
    _answered_once(page)
    # The worker's tree was the same: the page kept what it drew (same elements, same ids).
    assert page.get_by_label("Name").evaluate("el => el.__drawnEarly === true")
    expect(page.get_by_role("heading", name="Counter")).to_be_visible()


def test_a_worker_tree_that_differs_replaces_the_drawn_one_keeping_the_visitors_input(held_page) -> None:
    page, held = held_page(DIFFERENT)
    expect(page.get_by_role("heading", name="Counter (build)")).to_be_visible()
    _use_before_python(page)
    page.get_by_label("Name").evaluate("el => { el.__drawnEarly = true; }")
    held.let_go()
    expect(page.get_by_role("heading", name="Counter (browser)")).to_be_visible(timeout=90_000)
    _answered_once(page)
    assert page.get_by_label("Name").evaluate("el => el.__drawnEarly === undefined")  # drawn anew


def test_input_on_a_block_that_moved_is_kept_and_input_with_no_place_is_reported(held_page) -> None:
    page, held = held_page(MOVED)
    page.get_by_label("Build notes").fill("remember me")
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Name").press("Enter")
    expect(block_of(page, "Greeting").get_by_test_id("status-tracker")).to_be_visible()
    held.let_go()
    expect(page.get_by_text("Running in your browser")).to_be_visible(timeout=90_000)
    expect(page.locator("#wasmblocks-app")).to_have_attribute("data-state", "ready")
    expect(page.get_by_label("Name")).to_have_value("Ada")  # moved down one place, still the visitor's
    expect(page.get_by_label("Greeting")).to_have_value("Hello, Ada!")
    expect(page.get_by_label("Build notes")).to_have_count(0)
    toast = page.get_by_test_id("toast-body")
    expect(toast).to_contain_text("Build notes: “remember me”")

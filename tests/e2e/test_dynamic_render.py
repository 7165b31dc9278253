"""@gr.render in a real page: boxes follow the slider, their listeners work, key= keeps typed values."""

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("layouts"))
    yield page
    page.context.close()


def _set_count(page, n):
    page.get_by_role("spinbutton", name="number input for How many boxes").fill(str(n))
    page.get_by_role("spinbutton", name="number input for How many boxes").press("Enter")


def test_render_runs_on_load(page):
    expect(page.get_by_label("Box 0")).to_be_visible()
    expect(page.get_by_label("Box 1")).to_be_visible()
    expect(page.get_by_label("Box 2")).to_have_count(0)


def test_rerender_on_input_change_and_new_listeners_work(page):
    _set_count(page, 3)
    expect(page.get_by_label("Box 2")).to_be_visible()
    page.get_by_label("Box 2").fill("hi")
    page.get_by_label("Box 2").press("Enter")
    expect(page.get_by_label("Echo")).to_have_value("box 2 says hi")
    assert not page.wasmblocks_errors


def test_key_keeps_value_across_rerenders_and_removed_boxes_go(page):
    _set_count(page, 3)
    page.get_by_label("Box 0").fill("kept")
    _set_count(page, 1)
    expect(page.get_by_label("Box 1")).to_have_count(0)
    expect(page.get_by_label("Box 0")).to_have_value("kept")
    _set_count(page, 0)
    expect(page.get_by_text("No boxes")).to_be_visible()
    expect(page.get_by_label("Box 0")).to_have_count(0)
    _set_count(page, 2)
    expect(page.get_by_label("Box 1")).to_be_visible()
    # The listener of a re-created box is live, the removed one's is not doubled.
    page.get_by_label("Box 1").fill("again")
    page.get_by_label("Box 1").press("Enter")
    expect(page.get_by_label("Echo")).to_have_value("box 1 says again")
    assert not page.wasmblocks_errors


TICKING = '''
import gradio as gr

with gr.Blocks() as demo:
    on = gr.Checkbox(label="Ticking")
    ticks = gr.Number(label="Ticks", value=0)

    @gr.render(inputs=on)
    def ticker(ticking):
        if ticking:
            gr.Markdown("Ticking now")
            demo.load(lambda n: n + 1, ticks, ticks, every=0.2)
'''


def test_every_listener_made_by_a_render_ticks_and_stops_with_it(open_app, source_url, value_at_rest):
    page = open_app(source_url("ticking.py", TICKING))
    ticks = page.get_by_label("Ticks")
    page.wait_for_timeout(600)
    expect(ticks).to_have_value("0")  # no render listener yet: nothing ticks
    page.get_by_label("Ticking").check()
    expect(page.get_by_text("Ticking now")).to_be_visible()
    expect(ticks).not_to_have_value("0", timeout=5_000)
    expect(ticks).not_to_have_value("1", timeout=5_000)  # and again: it is a timer, not a one-off
    page.get_by_label("Ticking").uncheck()
    expect(page.get_by_text("Ticking now")).to_have_count(0)
    stopped = value_at_rest(ticks)  # a tick already in flight lands first
    page.wait_for_timeout(1_000)
    expect(ticks).to_have_value(stopped)
    assert not page.wasmblocks_errors


LATE_TABLE = '''
import gradio as gr

with gr.Blocks() as demo:
    show = gr.Checkbox(label="Show table")

    @gr.render(inputs=show)
    def table(visible):
        if visible:
            gr.Dataframe([["a", 1]], headers=["name", "n"], elem_id="late")
'''


def test_a_lazily_loaded_component_a_render_adds_loads_then_or_says_why_not(open_app, source_url):
    """Dataframe's code is a chunk of its own, fetched when an app first shows one: here only after a render."""
    # No offline service worker: requests it answers would pass page.route by.
    page = open_app(source_url("late_table.py", LATE_TABLE), service_workers="block")
    page.route("**/chunks/dataframe-*.js", lambda route: route.abort())
    page.get_by_label("Show table").check()
    expect(page.get_by_role("alert")).to_contain_text("Could not load the Dataframe component")
    page.unroute("**/chunks/dataframe-*.js")
    page.get_by_label("Show table").uncheck()
    page.get_by_label("Show table").check()  # a new render tries again
    expect(page.locator("#late").get_by_role("columnheader", name="name")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)


MERGE = '''
import gradio as gr

with gr.Blocks() as demo:
    count = gr.Slider(1, 4, value=1, step=1, label="Fields")
    joined = gr.Textbox(label="Joined")
    join = gr.Button("Join")

    @gr.render(inputs=count)
    def fields(n):
        boxes = [gr.Textbox(label=f"Field {i}") for i in range(n)]
        gr.Textbox("preset", label="Preset", interactive=True)  # a value of its own: each re-run shows it
        join.click(lambda *v: "+".join(v), boxes, joined)
'''


def test_unkeyed_components_keep_their_values_across_rerenders_as_on_gradio(open_app, source_url):
    """Gradio's page reuses a re-rendered component by position and pushes only the props its config has: an
    unkeyed Textbox with no value keeps what was typed in it (Gradio's render_merge); one with a value resets."""
    page = open_app(source_url("merge.py", MERGE))
    page.get_by_label("Field 0").fill("c")
    page.get_by_label("Preset").fill("edited")
    page.get_by_label("number input for Fields").fill("3")
    page.get_by_label("number input for Fields").press("Enter")
    expect(page.get_by_label("Field 2")).to_be_visible()
    # As Gradio 6.31's page shows it (checked on it): by position, so Field 1, now where Preset was, shows
    # what was typed there; Field 2 is new; Preset, given a value, shows it again.
    expect(page.get_by_label("Field 0")).to_have_value("c")
    expect(page.get_by_label("Field 1")).to_have_value("edited")
    expect(page.get_by_label("Field 2")).to_have_value("")
    expect(page.get_by_label("Preset")).to_have_value("preset")
    page.get_by_label("Field 1").fill("a")
    page.get_by_label("Field 2").fill("t")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_label("Joined")).to_have_value("c+a+t")  # the new boxes' listener reads the kept values
    assert not page.wasmblocks_errors

"""gr.HTML's JavaScript side as Gradio 6 runs it: js_on_load once per mount (again when @gr.render replaces
the component), props set from JS and from Python, watch(), upload(), server functions that fail, template
errors, head= scripts in document order (and async ones as they arrive, for Blocks(head=) too), autoscroll,
and the block's container, label, corner buttons and heights."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from wasmblocks_build.share import encode_payload

APP = '''
import time
from pathlib import Path

import gradio as gr

COUNT_MOUNTS = "window.__mounts = (window.__mounts || 0) + 1;"


class Broken(gr.HTML):
    def __init__(self, **kwargs):
        super().__init__(html_template="<p>${Zalue}</p>", **kwargs)


def boom(x):
    raise ValueError(f"cannot {x}")


with gr.Blocks() as demo:
    counter = gr.HTML(0, html_template="<p class='count'>count ${value}</p>", js_on_load=COUNT_MOUNTS + """
        watch('value', () => { if (props.value >= 2) trigger('submit', {seen: props.value}); });
        element.addEventListener('dblclick', () => { props.value = 100; });
    """, elem_id="counter")
    bump = gr.Button("Bump")
    bump.click(lambda v: v + 1, counter, counter)
    watched = gr.Textbox(label="Watched")

    def seen(evt: gr.EventData):
        return f"watch saw {evt.seen}"

    counter.submit(seen, None, watched)

    form = gr.HTML("", valid=False, elem_id="form", html_template="""
        <input class='field' value='${value}'>
        <p class='state'>${value.length} letters, ${valid ? 'valid' : 'too short'}</p>
    """, js_on_load="""
        const field = element.querySelector('.field');
        field.addEventListener('input', () => { props.valid = field.value.length > 3; props.value = field.value; });
    """)
    typed = gr.Textbox(label="Typed")
    form.change(lambda v: v, form, typed)

    Broken(elem_id="broken")
    gr.HTML(["x", "y", "z"], names={"k": "looked up"}, raw="<b>bold</b>", elem_id="hb", html_template="""
        <p class='items'>{{#each value}}{{@index}}={{this}}{{#if @last}}.{{else}}, {{/if}}{{/each}}</p>
        <p class='raw'>{{{raw}}} {{raw}}</p><p class='lookup'>{{lookup names "k"}} ${value.length}</p>
    """)

    picker = gr.HTML(html_template="<input type='file' class='pick'><button class='send'>Send file</button>",
                     js_on_load="""
        element.querySelector('.send').addEventListener('click', async () => {
            const { path, url } = await upload(element.querySelector('.pick').files[0]);
            props.value = path;
            trigger('upload', { url });
        });
    """, elem_id="picker")
    content = gr.Textbox(label="File content")
    picker.upload(lambda path: Path(path).read_text(), picker, content)

    failing = gr.HTML(html_template="<button class='go'>Fail</button><p class='why'></p>", js_on_load="""
        element.querySelector('.go').addEventListener('click', async () => {
            try { await server.boom('fly'); } catch (e) { element.querySelector('.why').textContent = e.message; }
        });
    """, server_functions=[boom], elem_id="failing")

    tail = gr.HTML("<p>line 0</p>", max_height=120, autoscroll=True, elem_id="tail")

    def more(html):
        for i in range(1, 13):
            html += f"<p>line {i}</p>"
            time.sleep(0.05)
            yield html

    gr.Button("More lines").click(more, tail, tail)

    corner = gr.Button("Shout", render=False)
    shouted = gr.Textbox(label="Shouted")
    corner.click(lambda: "corner button clicked", None, shouted)
    gr.HTML("<p>boxed</p>", label="Boxed", show_label=True, container=True, padding=True, buttons=[corner],
            min_height=90, elem_id="boxed")
    gr.HTML("<h2>bare</h2>", apply_default_css=False, elem_id="bare")
    lead = gr.HTML("<style>.lead { color: rgb(9, 8, 7); }</style><p class='lead'>styled</p>", elem_id="lead")
    lead_clicks = gr.Textbox(label="Lead clicks")
    lead.click(lambda: "clicked by the default js_on_load", None, lead_clicks)

    how_many = gr.Number(1, label="Buttons", precision=0)
    picked = gr.Textbox(label="Picked")

    @gr.render(inputs=how_many)
    def buttons(n):
        row = gr.HTML("".join(f"<button>Pick {i}</button>" for i in range(int(n or 0))), js_on_load="""
            window.__renderMounts = (window.__renderMounts || 0) + 1;
            element.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => trigger('click', {text: b.textContent})));
        """)

        def pick(evt: gr.EventData):
            return evt.text

        row.click(pick, None, picked)
'''


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("html_js.py", APP))
    yield page
    page.context.close()


def test_js_on_load_runs_once_per_mount_and_watch_sees_python_changes(page):
    counter = page.locator("#counter")
    for n in (1, 2, 3):
        page.get_by_role("button", name="Bump").click()
        expect(counter.locator(".count")).to_have_text(f"count {n}")
    expect(page.get_by_label("Watched")).to_have_value("watch saw 3")  # fired at 2, then at 3
    counter.dblclick()  # props.value from JS re-renders but is no change from Python: watch stays quiet
    expect(counter.locator(".count")).to_have_text("count 100")
    expect(page.get_by_label("Watched")).to_have_value("watch saw 3")
    assert page.evaluate("window.__mounts") == 1


def test_props_set_in_js_rerender_and_value_reaches_python(page):
    field = page.locator("#form .field")
    field.press_sequentially("abc")
    expect(page.locator("#form .state")).to_have_text("3 letters, too short")
    field.press_sequentially("de")
    expect(page.locator("#form .state")).to_have_text("5 letters, valid")  # props.valid, a JS-only prop
    expect(page.get_by_label("Typed")).to_have_value("abcde")
    expect(field).to_be_focused()  # morphed in place: the field being typed in stays the same element


def test_a_style_sheet_that_opens_the_html_still_applies(page):
    expect(page.locator("#lead .lead")).to_have_css("color", "rgb(9, 8, 7)")


def test_the_default_js_on_load_fires_click(page):
    page.locator("#lead .lead").click()
    expect(page.get_by_label("Lead clicks")).to_have_value("clicked by the default js_on_load")


def test_handlebars_helpers_work_as_in_gradio(page):
    hb = page.locator("#hb")
    expect(hb.locator(".items")).to_have_text("0=x, 1=y, 2=z.")
    expect(hb.locator(".raw b")).to_have_text("bold")  # {{{raw}}} is HTML, {{raw}} is text
    expect(hb.locator(".raw")).to_have_text("bold <b>bold</b>")
    expect(hb.locator(".lookup")).to_have_text("looked up 3")


def test_a_template_error_names_the_component(page):
    expect(page.locator("#broken .error-container")).to_have_text("Error rendering Broken: Zalue is not defined")


def test_upload_from_js_gives_a_path_python_can_read(page, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("read in the worker")
    page.locator("#picker .pick").set_input_files(str(note))
    page.locator("#picker").get_by_role("button", name="Send file").click()
    expect(page.get_by_label("File content")).to_have_value("read in the worker")


def test_a_failing_server_function_rejects_and_shows_a_toast(page):
    page.locator("#failing").get_by_role("button", name="Fail").click()
    expect(page.locator("#failing .why")).to_have_text("ValueError: cannot fly")
    expect(page.get_by_test_id("toast-body").filter(has_text="cannot fly")).to_be_visible()


def test_autoscroll_follows_new_lines_inside_max_height(page):
    page.get_by_role("button", name="More lines").click()
    tail = page.locator("#tail")
    expect(tail.get_by_test_id("html")).to_contain_text("line 12")
    box = tail.locator(".html-container")
    expect(box).to_have_css("max-height", "120px")
    page.wait_for_function(
        "() => { const b = document.querySelector('#tail .html-container');"
        " return b.scrollHeight > b.clientHeight && b.scrollTop + b.clientHeight >= b.scrollHeight - 1; }")


def test_container_label_padding_and_corner_buttons(page):
    boxed = page.locator("#boxed")
    expect(boxed.get_by_test_id("block-label")).to_have_text("Boxed")
    expect(boxed).to_have_css("border-top-width", "1px")  # container=True
    expect(boxed).not_to_have_css("padding-top", "0px")  # padding=True pads the block too
    expect(boxed.locator(".html-container")).to_have_css("min-height", "90px")
    boxed.get_by_role("button", name="Shout").click()
    expect(page.get_by_label("Shouted")).to_have_value("corner button clicked")
    assert page.get_by_role("button", name="Shout").count() == 1  # in the corner, not also in the layout
    bare = page.locator("#bare [data-testid=html]")
    assert "prose" not in (bare.get_attribute("class") or "")  # apply_default_css=False


def test_js_on_load_runs_again_when_render_replaces_the_component(page):
    expect(page.get_by_role("button", name="Pick 0")).to_be_visible()
    page.get_by_role("button", name="Pick 0").click()
    expect(page.get_by_label("Picked")).to_have_value("Pick 0")
    before = page.evaluate("window.__renderMounts")
    page.get_by_label("Buttons").fill("3")
    page.get_by_label("Buttons").press("Enter")
    expect(page.get_by_role("button", name="Pick 2")).to_be_visible()
    page.wait_for_function(f"window.__renderMounts === {before + 1}")
    page.get_by_role("button", name="Pick 2").click()
    expect(page.get_by_label("Picked")).to_have_value("Pick 2")
    assert page.evaluate("window.__renderMounts") == before + 1  # once per mount, one click each


SHARED = '''
import gradio as gr


def double(x):
    return x * 2


with gr.Blocks() as demo:
    gr.HTML(["a", "b"], server_functions=[double], html_template="""
        <ul>{{#each value}}<li>{{this}}</li>{{/each}}</ul><button class='go'>Go</button><p class='out'></p>
    """, js_on_load="""
        element.querySelector('.go').addEventListener('click', async () => {
            element.querySelector('.out').textContent = `${window.origin} ${await server.double(21)}`;
        });
    """)
'''


def test_in_a_share_link_it_runs_in_the_sandbox(app_opener, page):
    """A stranger's gr.HTML from a link: its templates (Handlebars' chunk too), js_on_load and server functions
    work, inside the sandbox's opaque origin (docs/security.md)."""
    player = app_opener(f"{page.url}player.html#code={encode_payload({'app.py': SHARED}, 'app.py')}", wait_for=None)
    try:
        expect(player.locator("#wasmblocks-player")).to_have_attribute("data-state", "ready", timeout=60_000)
        frame = player.frame_locator("iframe.wb-sandbox-frame")
        expect(frame.locator("li")).to_have_text(["a", "b"])
        frame.get_by_role("button", name="Go").click()
        expect(frame.locator(".out")).to_have_text("null 42")
    finally:
        player.context.close()


HEAD_APP = '''
import gradio as gr

with gr.Blocks(head="<script src='/__blocks_head__/a.js'></script><script src='/__blocks_head__/b.js'></script>"
                    "<script async src='/__blocks_head__/late.js'></script>"
                    "<script async src='/__blocks_head__/early.js'></script>") as demo:
    gr.HTML(html_template="<p id='order'>waiting</p>", head="<script src='/__html_head__/core.js'></script>"
            "<script src='/__html_head__/plugin.js'></script>", js_on_load="""
        element.querySelector('#order').textContent = window.__order.join(' then ');
    """)
    gr.HTML(html_template="<p>second user of the same library</p>", head="<script src='/__html_head__/core.js'></script>")
'''

PUSH = "window.__{list} = window.__{list} || []; window.__{list}.push('{name}');"


def _serve(route, lst, name):
    route.fulfill(content_type="application/javascript", body=PUSH.format(list=lst, name=name))


def _second_arrives_first(page, folder, first, second, lst):
    """Route two scripts so that `second` is always served before `first` (whatever order they are asked in)."""
    state = {"second_served": False, "held": None}

    def on_first(route):
        if state["second_served"]:
            _serve(route, lst, first)
        else:
            state["held"] = route

    def on_second(route):
        _serve(route, lst, second)
        state["second_served"] = True
        if state["held"] is not None:
            _serve(state["held"], lst, first)

    page.route(f"**/{folder}/{first}.js", on_first)
    page.route(f"**/{folder}/{second}.js", on_second)


def test_head_scripts_run_in_document_order_or_as_they_arrive(open_app, source_url):
    page = open_app(source_url("html_head.py", HEAD_APP), service_workers="block")
    _second_arrives_first(page, "__html_head__", "core", "plugin", "order")
    _second_arrives_first(page, "__blocks_head__", "a", "b", "plain")
    _second_arrives_first(page, "__blocks_head__", "late", "early", "arrived")
    requests = []
    page.on("request", lambda r: requests.append(r.url) if r.url.endswith("/core.js") else None)
    page.reload()
    page.wait_for_selector('#wasmblocks-app[data-state="ready"]')
    # gr.HTML(head=): plain scripts keep document order, and js_on_load runs after both.
    expect(page.locator("#order")).to_have_text("core then plugin")
    page.wait_for_function("window.__plain?.length === 2 && window.__arrived?.length === 2")
    assert page.evaluate("window.__plain") == ["a", "b"]  # Blocks(head=): document order…
    assert page.evaluate("window.__arrived") == ["early", "late"]  # …unless the author wrote `async`
    assert len(requests) == 1  # two components need core.js: it loads once

"""The app's events as a JS API, with @gradio/client's names: window.wasmblocks on an exported page and the
mount() controller of an embed both offer predict(), submit() and view_api(). A call answers with what the
outputs would show and leaves the page as it is."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

APP = '''
import time
import gradio as gr

def greet(name, excited):
    if not name:
        raise gr.Error("Name, please")
    return f"Hello, {name}" + ("!" if excited else ".")

def count_to(n):
    for i in range(1, int(n) + 1):
        time.sleep(0.05)
        yield str(i)

def tally(word, seen):
    seen = seen + [word]
    return ", ".join(seen), seen

with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    excited = gr.Checkbox(label="Excited", value=True)
    greeting = gr.Textbox(label="Greeting")
    gr.Button("Greet").click(greet, [name, excited], greeting, api_name="greet")
    n = gr.Number(label="N", value=3)
    counted = gr.Textbox(label="Counted")
    gr.Button("Count").click(count_to, n, counted, api_name="count_to")
    seen = gr.State([])
    word = gr.Textbox(label="Word")
    words = gr.Textbox(label="Words")
    gr.Button("Add").click(tally, [word, seen], [words, seen], api_name="tally")
'''

# Every event of a submit() as [type, stage or data], in order.
SUBMIT = """async ([endpoint, data]) => {
  const seen = [];
  for await (const event of window.wasmblocks.submit(endpoint, data)) {
    seen.push(event.type === "data" ? ["data", event.data] : [event.type, event.stage ?? event.log]);
  }
  return seen;
}"""


@pytest.fixture(scope="module")
def page(app_opener, source_url) -> Page:
    page = app_opener(source_url("api_app.py", APP))
    yield page
    page.context.close()


def test_view_api_lists_endpoints_with_their_types(page: Page) -> None:
    info = page.evaluate("() => window.wasmblocks.view_api()")
    greet = info["named_endpoints"]["/greet"]
    assert [(p["parameter_name"], p["component"], p["python_type"]["type"]) for p in greet["parameters"]] == [
        ("name", "Textbox", "str"), ("excited", "Checkbox", "bool")]
    assert greet["parameters"][1]["parameter_default"] is True
    assert [r["component"] for r in greet["returns"]] == ["Textbox"]
    assert info["named_endpoints"]["/count_to"]["type"]["generator"] is True
    # gr.State is neither a parameter nor a return, as in gradio_client.
    tally = info["named_endpoints"]["/tally"]
    assert [p["parameter_name"] for p in tally["parameters"]] == ["word"]
    assert [r["label"] for r in tally["returns"]] == ["Words"]


def test_predict_returns_the_outputs_and_leaves_the_page_alone(page: Page) -> None:
    result = page.evaluate("() => window.wasmblocks.predict('/greet', ['Ada', false])")
    assert result["data"] == ["Hello, Ada."] and result["endpoint"] == "/greet"
    by_name = page.evaluate("() => window.wasmblocks.predict('/greet', { name: 'Bo' })")
    assert by_name["data"] == ["Hello, Bo!"]  # `excited` takes its default
    expect(page.get_by_label("Greeting")).to_have_value("")
    assert page.locator('[data-testid="toast-body"]').count() == 0
    # The page's session: gr.State carries over from call to call, as a page's own clicks would.
    page.evaluate("() => window.wasmblocks.predict('/tally', ['x'])")
    assert page.evaluate("() => window.wasmblocks.predict('/tally', ['y'])")["data"] == ["x, y"]
    assert page.locator("#wasmblocks-app").get_attribute("data-busy") == "0"


def test_submit_streams_each_value_of_a_generator(page: Page) -> None:
    events = page.evaluate(SUBMIT, ["/count_to", [4]])
    assert [e[1] for e in events if e[0] == "data"] == [["1"], ["2"], ["3"], ["4"]]
    stages = [e[1] for e in events if e[0] == "status"]
    assert stages[-1] == "complete" and "generating" in stages
    expect(page.get_by_label("Counted")).to_have_value("")


def test_errors_reject_with_the_reason(page: Page) -> None:
    raised = page.evaluate("() => window.wasmblocks.predict('/greet', ['']).then(() => 'no error', (e) => e.message)")
    assert "Name, please" in raised
    unknown = page.evaluate("() => window.wasmblocks.predict('/nope', []).then(() => 'no error', (e) => e.message)")
    assert "/nope" in unknown and "/count_to, /greet, /tally" in unknown
    extra = page.evaluate("() => window.wasmblocks.predict('/greet', [1, 2, 3]).then(() => '', (e) => e.message)")
    assert "takes 2 argument(s), got 3" in extra
    # The app still works afterwards.
    assert page.evaluate("() => window.wasmblocks.predict('/greet', ['Cy'])")["data"] == ["Hello, Cy!"]


def test_the_mount_controller_offers_the_same_api(page: Page) -> None:
    answer = page.evaluate("""async (code) => {
      const { mount } = await import(new URL("assets/embed.js", location.href).href);
      const target = document.body.appendChild(document.createElement("div"));
      const app = mount(target, { code, setTitle: false });
      const data = (await app.predict("/greet", ["Dee", true])).data;  // waits for the app by itself
      const names = Object.keys((await app.view_api()).named_endpoints).sort();
      app.unmount();
      return { data, names };
    }""", APP)
    assert answer == {"data": ["Hello, Dee!"], "names": ["/count_to", "/greet", "/tally"]}

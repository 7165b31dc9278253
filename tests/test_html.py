"""gr.HTML (components/html.py): Gradio 6's constructor, props, custom events, children and server functions."""

import inspect
import warnings

import pytest

import wasmblocks as gr
from wasmblocks import Client, protocol
from wasmblocks.components.html import DEFAULT_JS_ON_LOAD, server
from wasmblocks.config import app_config
from wasmblocks.session import Session
from wasmblocks.updates import to_update


def test_defaults_are_gradios():
    params = inspect.signature(gr.HTML).parameters
    assert params["html_template"].default == "${value}"
    assert params["js_on_load"].default == "element.addEventListener('click', function() { trigger('click') });"
    assert [params[p].default for p in ("container", "show_label", "min_width")] == [False, False, None]
    assert params["preserved_by_key"].default == "value" and params["props"].kind is inspect.Parameter.VAR_KEYWORD
    html = gr.HTML(render=False)
    assert html.get_props()["js_on_load"] == DEFAULT_JS_ON_LOAD and html.value is None


def test_extra_keywords_are_props_and_the_value_stays_any_json():
    stars = gr.HTML(3, html_template="${value} ${color}", css_template="p {}", color="red", max_stars=5, render=False)
    assert stars.props == {"color": "red", "max_stars": 5} and stars.value == 3
    props = stars.get_props()
    assert props["props"] == {"color": "red", "max_stars": 5} and props["value"] == 3
    assert props["component_class_name"] == "HTML" and props["server_fns"] == [] and props["buttons"] == []
    assert gr.HTML(["a", "b"], render=False).get_props()["value"] == ["a", "b"]


def test_a_subclass_names_itself_in_errors_and_keeps_its_props():
    class StarRating(gr.HTML):
        def __init__(self, label, value=0, **kwargs):
            super().__init__(value=value, label=label, html_template="${label}: ${value}", stars=5, **kwargs)

    rating = StarRating("Food", value=3, render=False)
    assert rating.get_props()["component_class_name"] == "StarRating" and rating.props == {"stars": 5}
    assert rating.get_block_name() == "html"


def test_updates_change_only_the_props_they_name():
    html = gr.HTML("John", html_template="${value} ${fontSize}", fontSize=30, render=False)
    session = Session()
    assert to_update(html, gr.HTML(fontSize=40), session) == {"id": html.id, "props": {"props": {"fontSize": 40}}}
    assert to_update(html, gr.update(fontSize=12, visible=False), session) == {
        "id": html.id, "props": {"visible": False, "props": {"fontSize": 12}}}
    assert to_update(html, gr.HTML(value="Jo", html_template="<b>${value}</b>"), session) == {
        "id": html.id, "value": "Jo", "props": {"html_template": "<b>${value}</b>"}}

    class ListComponent(gr.HTML):
        def __init__(self, label="List", ordered=False, **kwargs):
            super().__init__(html_template="${ordered}", label=label, ordered=ordered, **kwargs)

    # Only what the returned component was given explicitly: its label default does not reset the shown one.
    assert to_update(html, ListComponent(ordered=True), session) == {
        "id": html.id, "props": {"props": {"ordered": True}}}


def test_every_gradio_event_and_custom_ones_named_in_js_on_load():
    with gr.Blocks() as demo:
        keyboard = gr.HTML(js_on_load="addEventListener('keydown', (e) => trigger(\"keypress\", {key: e.key}));")
        out = gr.Textbox()
        for name in ("click", "double_click", "submit", "upload", "select", "copy", "load", "tick"):
            assert callable(getattr(keyboard, name))
        keyboard.keypress(lambda evt: evt.key, None, out)
        gr.on([keyboard.keypress, keyboard.submit], lambda: "x", None, out)
    targets = [fn.targets for fn in demo.fns.values()]
    assert targets == [[(keyboard.id, "keypress")], [(keyboard.id, "keypress"), (keyboard.id, "submit")]]
    with pytest.raises(AttributeError, match="name it \\(in quotes\\) in js_on_load"):
        keyboard.keyup  # noqa: B018 — neither in quotes in js_on_load nor a Gradio event


def test_custom_event_data_reaches_the_listener_as_event_data():
    with gr.Blocks() as demo:
        keyboard = gr.HTML(js_on_load="trigger('keypress', {key: 'a'})")
        out = gr.Textbox()

        def got(evt: gr.EventData):
            return evt.key

        keyboard.keypress(got, None, out)
    client = Client(demo)
    client.trigger(keyboard, "keypress", {"key": "Enter"})
    assert client.values[out.id] == "Enter"


def test_used_as_a_layout_its_children_are_in_the_tree():
    with gr.Blocks() as demo:
        with gr.HTML(html_template="<h2>${title}</h2>@children<button>Send</button>", title="Form") as form:
            name = gr.Textbox(label="Name")
            email = gr.Textbox(label="Email")
        after = gr.Textbox(label="After")
    assert form.children == [name, email] and after.parent is not form
    (node,) = [n for n in app_config(demo)["root"]["children"] if n["id"] == form.id]
    assert [c["id"] for c in node["children"]] == [name.id, email.id]


def test_scripts_in_the_html_warn_as_in_gradio():
    with pytest.warns(UserWarning, match="does not run"):
        gr.HTML("<script>alert(1)</script>", render=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gr.HTML("<b>no script</b>", head="<script src='x.js'></script>", render=False)


def test_custom_buttons_leave_the_layout_and_show_in_the_corner():
    with gr.Blocks() as demo:
        copy = gr.Button("Copy", icon="https://example.com/i.png")
        html = gr.HTML("x", buttons=[copy], show_label=True, container=True, label="Box")
    assert copy not in demo.children and html.get_props()["buttons"] == [
        {"id": copy.id, "value": "Copy", "icon": "https://example.com/i.png"}]


def _listing(path):
    return sorted(path)


def _add(a, b):
    return a + b


def test_server_functions_are_listed_and_callable_from_python():
    html = gr.HTML(server_functions=[_listing, _add], render=False)
    assert html.get_props()["server_fns"] == ["_add", "_listing"] and html._add(1, 2) == 3
    with pytest.raises(TypeError, match="named functions"):
        gr.HTML(server_functions=[lambda x: x], render=False)


def test_server_marked_methods_of_a_subclass_are_server_functions():
    class Tree(gr.HTML):
        @server
        def children_of(self, node):
            return [node, self.props["depth"]]

    tree = Tree(depth=2, render=False)
    assert tree.get_props()["server_fns"] == ["children_of"] and tree.server_fns["children_of"]("root") == ["root", 2]


def _call(client, block, name, *args):
    call_id = f"call-{name}-{len(client.messages)}"
    client.send(protocol.server_call_message(call_id, block.id, name, list(args)))
    return client.wait_until(lambda: [m for m in client.of_type("server_result") if m["call_id"] == call_id])[0]


def test_server_call_round_trip_follows_gradios_argument_rule():
    def total(numbers):
        return {"sum": sum(numbers)}

    async def greet(name):
        return f"hi {name}"

    def boom(x):
        raise ValueError(f"no {x}")

    with gr.Blocks() as demo:
        html = gr.HTML(server_functions=[_add, total, greet, boom])
    client = Client(demo)
    assert _call(client, html, "total", [1, 2, 3]) == {
        "type": "server_result", "call_id": "call-total-0", "value": {"sum": 6}}
    assert _call(client, html, "total", 4, 5)["value"] == {"sum": 9}  # several arguments: one list, as Gradio
    assert _call(client, html, "_add", 4, 5)["value"] == 9  # …unless the function takes exactly that many
    assert _call(client, html, "greet", "Ada")["value"] == "hi Ada"
    failed = _call(client, html, "boom", 7)
    assert failed["error"] == "ValueError: no 7" and "value" not in failed
    assert any(t["level"] == "error" and "no 7" in t["message"] for t in client.of_type("toast"))
    assert "no server function 'missing'" in _call(client, html, "missing")["error"]
    assert "no server function 'get_props'" in _call(client, html, "get_props")["error"]  # only the listed ones

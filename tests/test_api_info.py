"""An app's endpoints as gradio_client's view_api dict (api_info.py): names, parameters, defaults, types, and
what the API leaves out. The expected values are what Gradio 6.31's Blocks.get_api_info() gives for the same
app."""

import wasmblocks as gr
from wasmblocks.api_info import api_info, python_type, skipped_ids


def make_app():
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        excited = gr.Checkbox(label="Excited", value=True)
        greeting = gr.Textbox(label="Greeting")

        def greet(name, excited):
            """Say hello.

            More text that is not part of the description."""
            return f"Hello, {name}" + ("!" if excited else ".")

        gr.Button("Greet").click(greet, [name, excited], greeting, api_name="greet")
        n = gr.Number(label="N", value=3)
        counted = gr.Textbox(label="Counted")

        def count_to(n):
            yield from (str(i) for i in range(1, int(n) + 1))

        gr.Button("Count").click(count_to, n, counted)
        seen = gr.State([])
        color = gr.Dropdown(["red", "blue"], label="Color", multiselect=True)
        gr.Button("Add").click(lambda c, s: (", ".join(c), s + c), [color, seen], [greeting, seen], api_name="add")
        gr.Button("Hidden").click(lambda: None, None, None, api_name="hidden", show_api=False)
        gr.Button("JS only").click(None, None, None, js="() => 1")
    return demo, seen


def test_named_endpoints_with_gradios_keys():
    demo, _ = make_app()
    info = api_info(demo)
    assert sorted(info["named_endpoints"]) == ["/add", "/count_to", "/greet"]  # api_name defaults to fn name
    greet = info["named_endpoints"]["/greet"]
    assert greet["description"] == "Say hello."
    excited = greet["parameters"][1]
    assert excited == {
        "label": "Excited", "parameter_name": "excited", "parameter_has_default": True, "parameter_default": True,
        "type": {"type": "boolean"}, "python_type": {"type": "bool", "description": ""}, "component": "Checkbox",
        "example_input": excited["example_input"],
    }
    assert greet["returns"] == [{"label": "Greeting", "type": {"type": "string"},
                                 "python_type": {"type": "str", "description": ""}, "component": "Textbox"}]
    assert info["named_endpoints"]["/count_to"]["parameters"][0]["parameter_default"] == 3
    assert info["named_endpoints"]["/count_to"]["type"] == {"generator": True, "cancel": False}


def test_state_and_buttons_are_left_out():
    demo, seen = make_app()
    add = api_info(demo)["named_endpoints"]["/add"]
    assert [p["label"] for p in add["parameters"]] == ["Color"]
    assert [r["label"] for r in add["returns"]] == ["Greeting"]
    assert seen.id in skipped_ids(demo)
    assert python_type(add["parameters"][0]["type"]) == "list[Literal['red', 'blue']]"


def test_python_types_as_gradio_client_reads_schemas():
    assert python_type({"type": "string"}) == "str"
    assert python_type({"anyOf": [{"type": "string"}, {"type": "null"}]}) == "str | None"
    assert python_type({"title": "FileData", "type": "object"}) == "filepath"
    assert python_type({"type": "array", "items": {"type": "number"}}) == "list[float]"


def test_api_visibility_description_and_inputs_kwargs_as_gradio_631_lists_them():
    def full(first, greeting="Hi", *, last):
        """Doc line."""
        return first

    with gr.Blocks() as demo:
        a, b, out = gr.Textbox(label="A"), gr.Textbox(label="B"), gr.Textbox()
        gr.Button().click(full, a, out, inputs_kwargs={"last": b}, api_description="Joins names")
        gr.Button().click(full, a, out, inputs_kwargs={"last": b}, api_visibility="undocumented", api_name="u")
        gr.Button().click(full, a, out, inputs_kwargs={"last": b}, api_visibility="private", api_name="p")
        gr.Button().click(full, a, out, inputs_kwargs={"last": b}, api_description=False, api_name="nodesc")
    named = api_info(demo)["named_endpoints"]
    assert list(named) == ["/full", "/nodesc"]
    assert [(p["parameter_name"], p["label"]) for p in named["/full"]["parameters"]] == [("first", "A"), ("last", "B")]
    assert (named["/full"]["description"], named["/nodesc"]["description"]) == ("Joins names", "")
    assert list(api_info(demo, all_endpoints=True)["named_endpoints"]) == ["/full", "/u", "/nodesc"]
    client = gr.Client(demo)
    assert client.predict("Ada", "Lovelace", api_name="/u") == "Ada"  # undocumented: still callable

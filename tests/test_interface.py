"""gr.Interface / gr.TabbedInterface: layout, shortcuts, events, and rendering inside Blocks (interface.py)."""

import pytest

import wasmblocks as gr
from wasmblocks.config import app_config


def _types(node):
    return [node["type"], [_types(c) for c in node.get("children", [])]]


def _find(node, kind):
    found = [node] if node["type"] == kind else []
    for child in node.get("children", []):
        found += _find(child, kind)
    return found


def greet(name, times):
    return " ".join([f"Hello {name}!"] * int(times))


def test_shortcuts_labels_and_layout():
    demo = gr.Interface(greet, ["text", gr.Slider(1, 3, step=1, value=1)], "textbox",
                        title="Greeter", description="Say hi", article="The end", examples=[["Ada", 2]])
    config = app_config(demo)
    root = config["root"]
    kinds = [c["type"] for c in root["children"]]
    assert kinds == ["markdown", "markdown", "row", "dataset", "markdown"]
    inputs_col, outputs_col = root["children"][2]["children"]
    assert inputs_col["props"]["variant"] == "panel"
    assert [c["props"].get("label") for c in inputs_col["children"][:2]] == ["name", "times"]
    buttons = inputs_col["children"][2]["children"]
    assert [(b["props"]["value"], b["props"]["variant"]) for b in buttons] == [("Clear", "secondary"), ("Submit", "primary")]
    assert outputs_col["children"][0]["props"]["label"] == "output"
    assert outputs_col["children"][0]["props"]["interactive"] is False
    assert config["title"] == "Greeter"


def test_submit_runs_fn_and_textbox_enter_submits():
    demo = gr.Interface(greet, ["text", "number"], "text")
    predict = next(fn for fn in demo.fns.values() if fn.api_name == "greet")  # Gradio: named after fn
    names = [name for _, name in predict.targets]
    assert names[0] == "click" and "submit" in names
    assert demo("Ada", 2, api_name="/greet") == "Hello Ada! Hello Ada!"


def test_live_has_no_submit_button_and_listens_to_changes():
    demo = gr.Interface(lambda x: x * 2, "number", "number", live=True)
    values = [b["props"]["value"] for b in _find(app_config(demo)["root"], "button")]
    assert values == ["Clear", "Flag"]  # Gradio shows Flag on a live Interface too
    fn = next(fn for fn in demo.fns.values() if fn.api_name == "lambda")
    assert [name for _, name in fn.targets] == ["change"]


def test_output_only_has_clear_generate_and_flag():
    demo = gr.Interface(lambda: "generated", None, "text", api_name="predict")
    buttons = [b["props"]["value"] for b in _find(app_config(demo)["root"], "button")]
    assert buttons == ["Clear", "Generate", "Flag"]  # as Gradio 6 lays out an output-only Interface
    assert demo.flagging_mode == "manual"
    assert demo(api_name="/predict") == "generated"


def test_unknown_shortcut_is_a_clear_error():
    with pytest.raises(ValueError, match="Unknown component shortcut 'telepathy'.*textbox"):
        gr.Interface(greet, "telepathy", "text")
    with pytest.raises(TypeError, match="callable"):
        gr.Interface("nope", "text", "text")


def test_interface_rendered_inside_blocks():
    io = gr.Interface(lambda s: s.upper(), "text", "text", api_name="shout")
    with gr.Blocks() as demo:
        gr.Markdown("Outer")
        first = gr.Button("Outer button")
        first.click(lambda: None, None, None, api_name="outer")
        io.render()
    config = app_config(demo)
    assert _find(config["root"], "blocks")[1]["id"] == io.id
    ids = [d["id"] for d in config["dependencies"]]
    assert len(ids) == len(set(ids)) == len(demo.fns)
    assert demo("abc", api_name="/shout") == "ABC"


def test_tabbed_interface():
    a = gr.Interface(lambda s: s[::-1], "text", "text", api_name="rev")
    b = gr.Interface(lambda n: n + 1, "number", "number", api_name="inc")
    demo = gr.TabbedInterface([a, b], ["Reverse", "Increment"], title="Tools")
    tabs = _find(app_config(demo)["root"], "tab")
    assert [t["props"]["label"] for t in tabs] == ["Reverse", "Increment"]
    assert demo("abc", api_name="/rev") == "cba"
    assert demo(1, api_name="/inc") == 2
    with pytest.raises(ValueError, match="2 interfaces but 1 tab names"):
        gr.TabbedInterface([a, b], ["only one"])


def test_same_shortcut_for_input_and_output_makes_two_components():
    demo = gr.Interface(lambda s: s, "text", "text")
    assert demo.interface_type == "standard"
    assert demo.input_components[0] is not demo.output_components[0]
    box = gr.Textbox()
    unified = gr.Interface(lambda s: s[::-1], box, box)
    assert unified.interface_type == "unified"
    assert len(_find(app_config(unified)["root"], "textbox")) == 1


def test_generator_interface_gets_a_stop_button_that_cancels_the_stream():
    import wasmblocks as gr

    def count(n):
        yield from (str(i) for i in range(int(n)))

    demo = gr.Interface(count, "number", "text")
    fns = list(demo.fns.values())
    run = next(f for f in fns if f.fn is count)
    stop = next(f for f in fns if f.cancels)
    assert stop.cancels == [run.id]
    (stop_button,) = [b for b in demo.blocks().values() if isinstance(b, gr.Button) and b.value == "Stop"]
    assert stop_button.visible is False and stop.targets == [(stop_button.id, "click")]
    assert not [f for f in gr.Interface(lambda n: n, "number", "text").fns.values() if f.cancels]


def test_shortcuts_are_the_package_components_by_class_name():
    class Textarea(gr.Textbox):  # an app's own subclass is not a shortcut, even with a shortcut's name
        pass

    io = gr.Interface(lambda *a: a, ["checkboxgroup", "colorpicker", "textarea"], "highlightedtext")
    kinds = [type(c) for c in io.input_components]
    assert kinds == [gr.CheckboxGroup, gr.ColorPicker, gr.TextArea] and io.input_components[2].lines == 7
    assert type(io.output_components[0]) is gr.HighlightedText and Textarea is not gr.Textbox


def test_validator_stops_the_run_with_its_message():
    def positive(n):
        return gr.validate(n > 0, "The number must be positive") if hasattr(gr, "validate") else (
            {"__type__": "validate", "is_valid": n > 0, "message": "The number must be positive"})

    ran = []
    demo = gr.Interface(lambda n: ran.append(n) or n * 2, "number", "number", validator=positive, api_name="double")
    client = gr.Client(demo)
    submit = next(b for b in demo.blocks().values() if isinstance(b, gr.Button) and b.value == "Submit")
    client.values[demo.input_components[0].id] = -1
    client.trigger(submit)
    assert ran == []
    # As Gradio 6.31 (and Blocks' validator=): the message shows on the input, with no toast.
    shown = [u for m in client.of_type("update") for u in m["updates"] if u["id"] == demo.input_components[0].id]
    assert shown[-1]["props"]["validation_error"] == "The number must be positive" and not client.of_type("toast")
    client.values[demo.input_components[0].id] = 3
    client.trigger(submit)
    assert ran == [3] and client.values[demo.output_components[0].id] == 6


def test_private_endpoint_is_not_reachable_by_name_and_time_limit_reaches_the_listener():
    demo = gr.Interface(lambda s: s, "text", "text", api_visibility="private", time_limit=5, stream_every=0.2)
    run = next(fn for fn in demo.fns.values() if fn.time_limit == 5)
    # Gradio keeps the name but no client can call it by that name, and view_api leaves it out.
    assert run.api_visibility == "private" and run.stream_every == 0.2
    with pytest.raises(ValueError, match="No event with api_name"):
        gr.Client(demo).predict("x", api_name="/lambda")
    assert gr.Client(demo).view_api(print_info=False, return_format="dict")["named_endpoints"] == {}
    named = gr.Interface(lambda s: s, "text", "text")
    assert any(fn.api_name == "lambda" for fn in named.fns.values())


def test_preload_example_shows_the_first_example_and_its_result_at_load():
    demo = gr.Interface(lambda s: s.upper(), gr.Textbox(label="in"), gr.Textbox(label="out"),
                        examples=[["abc"], ["xyz"]], cache_examples=True, preload_example=1)
    client = gr.Client(demo)
    client.trigger(demo, "load")
    assert client.values[demo.input_components[0].id] == "xyz"
    assert client.values[demo.output_components[0].id] == "XYZ"
    given = gr.Interface(lambda s: s, gr.Textbox(value="mine"), "text", examples=[["abc"]], cache_examples=True)
    assert not [fn for fn in given.fns.values() if any(t[1] == "load" for t in fn.targets) and fn.outputs
                and fn.outputs[0] is given.input_components[0]]


def test_deep_link_button_is_rendered_after_the_outputs():
    demo = gr.Interface(lambda s: s, "text", "text", deep_link="Share this")
    links = _find(app_config(demo)["root"], "deeplinkbutton")
    assert [d["props"]["value"] for d in links] == ["Share this"]


def test_tabbed_interface_passes_tabs_kwargs_to_its_tabs():
    a = gr.Interface(lambda s: s, "text", "text", api_name="a")
    b = gr.Interface(lambda s: s, "text", "text", api_name="b")
    demo = gr.TabbedInterface([a, b], ["A", "B"], "Title", None, {"selected": 1, "elem_id": "my-tabs"})
    (tabs,) = _find(app_config(demo)["root"], "tabs")
    assert tabs["props"]["selected"] == 1 and tabs["props"]["elem_id"] == "my-tabs"
    with pytest.raises(TypeError, match="tabs_kwargs"):
        gr.TabbedInterface([a], tabs_kwargs=["selected"])


def test_an_interface_rendered_in_blocks_runs_its_load_listeners_at_the_page_load():
    io = gr.Interface(lambda s: s.upper(), gr.Textbox(label="in"), gr.Textbox(label="out"),
                      examples=[["abc"]], cache_examples=True)
    with gr.Blocks() as demo:
        io.render()
    loads = [fn for fn in demo.fns.values() if (demo.id, "load") in fn.targets]
    assert loads and not [fn for fn in demo.fns.values() if (io.id, "load") in fn.targets]
    client = gr.Client(demo)
    client.trigger(demo, "load")
    assert client.values[io.output_components[0].id] == "ABC"


def test_template_shortcuts_are_gradios_templates_with_their_presets():
    io = gr.Interface(lambda *a: a, ["playable_video", "microphone", "files", "numpy", "list"], "textarea")
    video, mic, files, numpy, listing = io.input_components
    assert type(video) is gr.PlayableVideo and video.format == "mp4" and video.get_block_name() == "video"
    assert type(mic) is gr.Microphone and mic.sources == ["microphone"] and mic.format == "wav"
    assert files.file_count == "multiple" and numpy.type == "numpy" and listing.type == "array"
    assert listing.col_count == (1, "dynamic") and io.output_components[0].max_lines == 20


def test_examples_handler_is_the_examples_block():
    io = gr.Interface(lambda x: x, "text", "text", examples=[["a"], ["b"]])
    assert io.examples_handler.dataset.samples == [["a"], ["b"]]
    assert gr.Interface(lambda x: x, "text", "text").examples_handler is None


def test_interface_takes_the_block_parameters_a_rendered_interface_needs():
    io = gr.Interface(lambda s: s, "text", "text", elem_id="io", elem_classes="boxed", visible=False, key="k",
                      preserved_by_key="value")
    with gr.Blocks() as demo:
        with gr.Tabs():
            with gr.Tab("One"):
                io.render()
    props = next(b for b in demo.blocks().values() if b is io).get_props()
    assert (props["elem_id"], props["elem_classes"], props["visible"]) == ("io", ["boxed"], False)
    assert (io.key, io.preserved_by_key) == ("k", ["value"])

"""Preprocess/postprocess of the display components, buttons and examples of issue 4 (Components I)."""

import pytest

import wasmblocks as gr
from wasmblocks.config import app_config


def test_json_parses_strings_and_makes_plain_json():
    j = gr.JSON(label="Data", render=False)
    assert j.postprocess('{"a": [1, 2]}') == {"a": [1, 2]}
    assert j.postprocess({"t": (1, 2), "s": {3}}) == {"t": [1, 2], "s": [3]}
    assert j.preprocess({"x": 1}) == {"x": 1} and j.postprocess(None) is None
    with pytest.raises(gr.Error, match='JSON "Data": the string is not valid JSON'):
        j.postprocess("{oops")
    with pytest.raises(gr.Error, match="not JSON serialisable"):
        j.postprocess({"f": object()})
    assert gr.JSON(open=True, render=False).get_props()["open"] is True


def test_label_top_classes_and_round_trip():
    label = gr.Label(num_top_classes=2, render=False)
    shown = label.postprocess({"cat": 0.2, "dog": 0.7, "fox": 0.1})
    assert shown == {"label": "dog", "confidences": [{"label": "dog", "confidence": 0.7}, {"label": "cat", "confidence": 0.2}]}
    assert label.preprocess(shown) == {"dog": 0.7, "cat": 0.2}
    assert label.postprocess("hot dog") == {"label": "hot dog"} and label.preprocess({"label": "hot dog"}) == "hot dog"
    assert label.postprocess(3) == {"label": "3"} and label.postprocess(None) is None
    with pytest.raises(gr.Error, match="numbers as confidences"):
        label.postprocess({"cat": "high"})


def test_highlighted_text_pairs_entities_and_combine():
    h = gr.HighlightedText(render=False)
    assert h.postprocess([("Hi", None), ("Ada", "PER")]) == [
        {"token": "Hi", "class_or_confidence": None}, {"token": "Ada", "class_or_confidence": "PER"}]
    tokens = h.postprocess({"text": "Ada in Rome", "entities": [{"entity": "LOC", "start": 7, "end": 11},
                                                                {"entity_group": "PER", "start": 0, "end": 3}]})
    assert [(t["token"], t["class_or_confidence"]) for t in tokens] == [
        ("", None), ("Ada", "PER"), (" in ", None), ("Rome", "LOC"), ("", None)]
    combined = gr.HighlightedText(combine_adjacent=True, adjacent_separator=" ", render=False)
    assert combined.postprocess([("New", "LOC"), ("York", "LOC"), ("is", None)]) == [
        {"token": "New York", "class_or_confidence": "LOC"}, {"token": "is", "class_or_confidence": None}]
    assert h.preprocess(tokens[:2]) == [("", None), ("Ada", "PER")]
    with pytest.raises(gr.Error, match='"text" and "entities"'):
        h.postprocess({"text": "x"})


def test_code_language_file_and_errors(tmp_path):
    code = gr.Code(language="python", label="Src", render=False)
    assert code.postprocess("  x = 1\n") == "x = 1"
    source = tmp_path / "a.py"
    source.write_text("print(1)")
    assert code.postprocess((str(source),)) == "print(1)"
    with pytest.raises(gr.Error, match='Code "Src" expects code as text'):
        code.preprocess(5)
    with pytest.raises(ValueError, match="Code language"):
        gr.Code(language="cobol", render=False)


def test_markdown_latex_delimiters():
    assert gr.Markdown(latex_delimiters=[{"left": "$", "right": "$", "display": False}], render=False).get_props()[
        "latex_delimiters"] == [{"left": "$", "right": "$", "display": False}]


def test_buttons_icon_variant_and_deep_link(tmp_path):
    icon = tmp_path / "i.svg"
    icon.write_text("<svg/>")
    b = gr.Button("Go", icon=str(icon), variant="huge", render=False)
    assert b.icon.startswith("data:image/svg+xml;base64,")
    assert gr.Button(icon="https://x/y.png", render=False).icon == "https://x/y.png"
    with pytest.raises(gr.Error, match="neither a URL nor a file"):
        gr.Button(icon="missing.png", render=False)
    with pytest.raises(ValueError, match="variant"):
        gr.Button(variant="danger", render=False)
    deep = gr.DeepLinkButton(render=False)
    assert deep.get_block_name() == "deeplinkbutton" and deep.get_props()["copied_value"] == "Link Copied!"
    assert deep.value == "Share via Link"


def test_dataset_types_and_samples():
    with gr.Blocks():
        t = gr.Textbox(label="Word")
        d = gr.Dropdown([("One", 1), ("Two", 2)], label="N")
        ds = gr.Dataset(components=[t, d], samples=[["a", 1], ["b", 2]], type="tuple")
    props = ds.get_props()
    assert props["components"] == ["textbox", "dropdown"] and props["headers"] == ["Word", "N"]
    assert props["component_props"][1]["choices"] == [["One", 1], ["Two", 2]]
    assert ds.preprocess(1) == (1, ["b", 2])
    with pytest.raises(gr.Error, match="no sample number 5"):
        ds.preprocess(5)
    assert ds.postprocess(["a", 1]) == 0 and ds.postprocess(None) is None
    assert ds.process_props({"samples": [["c", 2]]})["samples"] == [["c", 2]]


def test_examples_fill_inputs_and_run_fn():
    with gr.Blocks() as demo:
        word = gr.Textbox(label="Word")
        times = gr.Number(label="Times")
        out = gr.Textbox()
        ex = gr.Examples([["ha", 3], ["x", None]], [word, times], out, fn=lambda w, n: w * int(n), run_on_click=True)
    load, run = list(demo.fns.values())
    assert load.targets == [(ex.dataset.id, "click")] and [b.id for b in load.outputs] == [word.id, times.id]
    assert load.fn(0) == ("ha", 3)
    assert load.fn(1)[1] == {"__type__": "update"}  # None leaves that input as it is
    assert run.trigger_after == load.id and run.fn("ab", 2) == "abab"
    node = app_config(demo)["root"]["children"][-1]
    assert node["type"] == "dataset" and node["props"]["label"] is None and node["props"]["samples"] == [["ha", 3], ["x", None]]
    single = gr.Examples.__new__(gr.Examples)
    with pytest.raises(ValueError, match="directory"):
        with gr.Blocks():
            single.__init__("examples/", gr.Textbox())


def test_gallery_sources_and_fit_columns():
    props = gr.Gallery(sources="webcam", fit_columns=False, render=False).get_props()
    assert props["sources"] == ["webcam"] and props["fit_columns"] is False
    assert gr.Gallery(render=False).get_props()["sources"] == ["upload"]
    with pytest.raises(ValueError, match="Gallery sources"):
        gr.Gallery(sources=["microphone"], render=False)


def test_dropdown_num_choices_shown():
    assert gr.Dropdown(["a"], render=False).get_props()["num_choices_shown"] == 100
    assert gr.Dropdown(["a"], num_choices_shown=None, render=False).get_props()["num_choices_shown"] is None
    with pytest.raises(ValueError, match="num_choices_shown"):
        gr.Dropdown(["a"], num_choices_shown=0, render=False)


def test_layout_sizes_and_tab_options_reach_the_page():
    with gr.Blocks():
        with gr.Tabs(overflow_behavior="wrap") as tabs:
            with gr.Tab("A", scale=2, height=200, max_height="50vh", alignment="right") as tab:
                pass
        with gr.Accordion("More", height=120, max_height=300) as acc:
            pass
        with gr.Row(scale=3) as row:
            pass
    assert tabs.get_props()["overflow_behavior"] == "wrap"
    t = tab.get_props()
    assert (t["scale"], t["height"], t["max_height"], t["alignment"]) == (2, 200, "50vh", "right")
    assert (acc.get_props()["height"], acc.get_props()["max_height"]) == (120, 300)
    assert row.get_props()["scale"] == 3
    with pytest.raises(ValueError, match="overflow_behavior"):
        gr.Tabs(overflow_behavior="scroll", render=False)
    with pytest.raises(ValueError, match="alignment"):
        gr.Tab("x", alignment="center", render=False)


def test_markdown_padding_and_image_alt_text():
    assert gr.Markdown(padding=True, render=False).get_props()["padding"] is True
    md = gr.Markdown(render=False).get_props()
    assert md["container"] is False and md["min_width"] is None and md["value"] is None
    assert gr.Image(alt_text="A cat", render=False).get_props()["alt_text"] == "A cat"


def test_dataset_label_defaults_to_none_as_in_gradio():
    with gr.Blocks():
        box = gr.Textbox()
        ds = gr.Dataset(components=[box], samples=[["a"]])
    assert ds.get_props()["label"] is None  # the page titles it "Examples", as Gradio's front end does


def test_examples_visible_columns_hide_columns_but_a_click_fills_every_input():
    with gr.Blocks() as demo:
        word, times, note = gr.Textbox(label="Word"), gr.Number(label="Times"), gr.Textbox(label="Note")
        ex = gr.Examples([["ha", 3, "a"], ["ho", 2, "b"]], [word, times, note], visible_columns=[2, 0, 2])
    props = ex.dataset.get_props()
    assert props["components"] == ["textbox", "textbox"] and props["headers"] == ["Word", "Note"]
    assert props["samples"] == [["ha", "a"], ["ho", "b"]]
    client = gr.Client(demo)
    client.values[ex.dataset.id] = 1  # the page sends the clicked sample's index
    client.trigger(ex.dataset, "click")
    assert [client.values[c.id] for c in (word, times, note)] == ["ho", 2, "b"]
    with pytest.raises(ValueError, match="visible_columns must name one of the 1 inputs"):
        with gr.Blocks():
            gr.Examples([["a"]], [gr.Textbox()], visible_columns=[1])
    with pytest.raises(ValueError, match="at least one column"):
        with gr.Blocks():
            gr.Examples([["a"]], [gr.Textbox()], visible_columns=[])


def test_examples_click_event_has_gradios_api_name_and_visibility():
    with gr.Blocks() as demo:
        box = gr.Textbox()
        first = gr.Examples([["a"]], box)
        second = gr.Examples([["b"]], box, api_name="pick", api_visibility="public", api_description="Pick one")
    one, two = first.load_input_event.fn, second.load_input_event.fn
    assert (one.api_name, one.api_visibility) == ("load_example", "undocumented")
    assert (two.api_name, two.api_visibility, two.api_description) == ("pick", "public", "Pick one")
    assert list(gr.Client(demo).view_api(print_info=False, return_format="dict")["named_endpoints"]) == ["/pick"]
    with pytest.raises(ValueError, match="cache_mode must be"):
        with gr.Blocks():
            gr.Examples([["a"]], gr.Textbox(), cache_mode="later")


def test_examples_preload_the_first_cached_example_by_default_as_gradio_6():
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Examples([["abc"], ["xyz"]], box, out, fn=str.upper, cache_examples=True)
        given = gr.Textbox(value="mine")
        gr.Examples([["no"]], given, out, fn=str.upper, cache_examples=True)  # the app's value stays
        lazy = gr.Textbox()
        gr.Examples([["no"]], lazy, out, fn=str.upper, cache_examples=True, cache_mode="lazy")
    client = gr.Client(demo)
    client.trigger(demo, "load")
    assert (client.values[box.id], client.values[out.id]) == ("abc", "ABC")
    assert client.values[given.id] == "mine" and client.values[lazy.id] in ("", None)


def test_clear_button_event_takes_gradios_api_name_and_visibility():
    with gr.Blocks() as demo:
        box = gr.Textbox()
        quiet = gr.ClearButton(box)
        listed = gr.ClearButton(box, api_name="reset", api_visibility="public")
    deps = [fn for fn in demo.fns.values()]
    assert [(d.api_name, d.api_visibility) for d in deps] == [(None, "undocumented"), ("reset", "public")]
    assert quiet.api_visibility == "undocumented" and listed.api_name == "reset"


def test_highlighted_text_sends_show_whitespaces_with_gradios_default():
    assert gr.HighlightedText(render=False).get_props()["show_whitespaces"] is True
    assert gr.Highlight(show_whitespaces=False, render=False).get_props()["show_whitespaces"] is False


def test_form_takes_its_childrens_scale_and_min_width_in_a_row():
    from wasmblocks.layouts import Form

    with gr.Blocks():
        with gr.Row():
            with Form() as form:
                gr.Textbox()
                gr.Number(scale=2, min_width=100)
        with Form() as alone:
            gr.Textbox()
    assert (form.scale, form.min_width) == (3, 260)
    assert (alone.scale, alone.min_width) == (0, 0)
    assert form.get_block_name() == "form" and form.get_props()["scale"] == 3


def test_fallback_passes_json_through_and_server_marks_server_functions():
    from wasmblocks.components import Fallback
    from wasmblocks.components.base import server

    box = Fallback({"a": [1]}, render=False)
    assert box.preprocess({"b": 2}) == {"b": 2} and box.postprocess({"a": [1]}) == {"a": [1]}
    assert box.get_block_name() == "fallback" and box.min_width is None  # Gradio's base: no minimum

    class Counter(gr.HTML):
        @server
        def bump(self, n):
            return n + 1

    assert Counter(render=False).server_fns["bump"](1) == 2


def test_buttons_default_to_gradios_icons_and_min_width():
    icon = gr.DeepLinkButton(render=False).icon
    assert icon.startswith("data:image/svg+xml;base64,")
    assert gr.DeepLinkButton(icon=None, render=False).icon is None
    assert gr.Textbox(render=False).min_width == 160 and gr.Button(render=False).min_width is None


def test_event_data_kinds_are_built_from_target_and_data():
    select = gr.SelectData(None, {"index": [1, 2], "value": "x", "selected": False, "row_value": [1]})
    assert (select.index, select.value, select.selected, select.row_value) == ([1, 2], "x", False, [1])
    assert gr.KeyUpData(None, data={"key": "a", "input_value": "ab"}).input_value == "ab"
    assert gr.CopyData(None, {"value": "copied"}).value == "copied"
    assert gr.LikeData(None, {"index": 0, "value": "m", "liked": False}).liked is False
    assert gr.EditData(None, {"index": 1, "value": "new", "previous_value": "old"}).previous_value == "old"
    assert gr.UndoData(None, {"index": 2, "value": "v"}).index == 2
    assert gr.RetryData(None, {"index": 3, "value": "v"}).value == "v"

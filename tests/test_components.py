"""Each component's preprocess (page → function) and postprocess (function → page), and their props."""

import pytest

import wasmblocks as gr
from wasmblocks.config import app_config


def test_textbox():
    t = gr.Textbox(render=False)
    assert t.preprocess("hi") == "hi" and t.preprocess(None) is None
    assert t.postprocess(None) == "" and t.postprocess(3) == "3"
    with pytest.raises(gr.Error, match="expects text"):
        t.preprocess({"x": 1})
    with pytest.raises(ValueError):
        gr.Textbox(type="number", render=False)
    assert gr.Textbox(lines=3, render=False).max_lines == 20


def test_number_precision_and_bounds():
    n = gr.Number(precision=0, minimum=0, maximum=10, label="Age", render=False)
    assert n.preprocess(3.6) == 4 and isinstance(n.preprocess(3.6), int)
    assert n.preprocess(None) is None and n.postprocess(None) is None
    for bad in ("3", True, float("nan")):
        with pytest.raises(gr.Error, match='Number "Age" expects a number'):
            n.preprocess(bad)
    with pytest.raises(gr.Error, match="greater than the maximum"):
        n.preprocess(11)
    assert gr.Number(precision=2, render=False).postprocess(1.23456) == 1.23


def test_slider():
    s = gr.Slider(0, 2, label="Temp", render=False)
    assert s.value == 0 and s.step == 1
    assert s.preprocess(1.5) == 1.5
    with pytest.raises(gr.Error, match="outside"):
        s.preprocess(3)
    r = gr.Slider(0, 10, step=2, randomize=True, render=False)
    assert r.initial_value() in {0, 2, 4, 6, 8, 10}


def test_checkbox():
    c = gr.Checkbox(render=False)
    assert c.value is False and c.preprocess(True) is True
    with pytest.raises(gr.Error):
        c.preprocess("yes")


def test_dropdown_choices_value_and_index():
    d = gr.Dropdown(["add", ("Multiply", "mul")], label="Op", render=False)
    assert d.choices == [["add", "add"], ["Multiply", "mul"]]
    assert d.value == "add"  # a single-select starts on its first choice
    assert d.preprocess("mul") == "mul"
    with pytest.raises(gr.Error, match="not one of the choices"):
        d.preprocess("divide")
    assert gr.Dropdown(["a", "b"], type="index", render=False).preprocess("b") == 1
    assert gr.Dropdown(["a", "b"], value=None, render=False).value is None
    m = gr.Dropdown(["a", "b", "c"], multiselect=True, max_choices=2, render=False)
    assert m.value == [] and m.preprocess(["a", "c"]) == ["a", "c"]  # Gradio: a multiselect starts empty
    with pytest.raises(gr.Error, match="at most 2"):
        m.preprocess(["a", "b", "c"])
    assert gr.Dropdown(["a"], allow_custom_value=True, render=False).preprocess("z") == "z"
    assert d.process_props({"choices": ["x"]}) == {"choices": [["x", "x"]]}


def test_radio():
    r = gr.Radio(["a", "b"], type="index", render=False)
    assert r.preprocess("b") == 1
    with pytest.raises(gr.Error):
        r.preprocess("c")


def test_markdown_dedents_and_html():
    m = gr.Markdown("""
        # Title
        text
    """, render=False)
    assert m.value == "# Title\ntext"
    assert gr.HTML("<b>x</b>", render=False).value == "<b>x</b>"


def test_image_filepath_round_trip(tmp_path):
    picture = tmp_path / "p.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    image = gr.Image(type="filepath", render=False)
    data = image.postprocess(str(picture))
    assert data["path"] == str(picture) and data["mime_type"] == "image/png" and data["orig_name"] == "p.png"
    assert image.preprocess(data) == str(picture)
    with pytest.raises(gr.Error, match="expects an uploaded image"):
        image.preprocess("just a string")


def test_image_numpy_without_numpy_names_the_package(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pil(name, *args, **kwargs):
        if name.startswith("PIL") or name == "numpy":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pil)
    picture = tmp_path / "p.png"
    picture.write_bytes(b"x")
    with pytest.raises(gr.Error, match='needs the "Pillow" package'):
        gr.Image(render=False).preprocess({"path": str(picture)})


def test_state_is_never_sent_to_the_page():
    with gr.Blocks() as demo:
        gr.State({"secret": 1})
    (node,) = app_config(demo)["root"]["children"]
    assert node["type"] == "state" and node["props"]["value"] is None


def test_interactive_resolution_and_value_callable():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        out = gr.Textbox(value=lambda: "computed")
        forced = gr.Textbox(interactive=True)
        unused = gr.Number()
        gr.Button().click(lambda x: (x, x), a, [out, forced])
    nodes = {n["id"]: n["props"] for n in app_config(demo)["root"]["children"]}
    assert nodes[a.id]["interactive"] and nodes[forced.id]["interactive"] and nodes[unused.id]["interactive"]
    assert nodes[out.id]["interactive"] is False and nodes[out.id]["value"] == "computed"


def test_layout_tree_render_false_and_implicit_tabs():
    with gr.Blocks(title="T", fill_height=True) as demo:
        late = gr.Textbox(render=False)
        with gr.Row():
            with gr.Column(scale=2) as col:
                late.render()
        with gr.Tab("One"):
            pass
        with gr.Tab("Two", id="two"):
            pass
        with gr.Accordion("More", open=False) as acc:
            gr.Slider(0, 2)
    config = app_config(demo)
    assert config["title"] == "T" and config["fill_height"] is True
    row, tabs, accordion = config["root"]["children"]
    assert row["children"][0]["id"] == col.id and row["children"][0]["children"][0]["id"] == late.id
    assert tabs["type"] == "tabs" and [t["props"]["label"] for t in tabs["children"]] == ["One", "Two"]
    assert tabs["children"][1]["props"]["id"] == "two"
    assert accordion["id"] == acc.id and accordion["props"]["open"] is False


def test_clear_button_empties_its_components():
    with gr.Blocks() as demo:
        t = gr.Textbox(value="x")
        n = gr.Number(value=1)
        gr.ClearButton([t, n])
    (fn,) = demo.fns.values()
    assert [b.id for b in fn.outputs] == [t.id, n.id] and fn.fn() == (None, None)
    assert t.postprocess(None) == ""


def test_launch_is_harmless():
    with gr.Blocks() as demo:
        pass
    app, local_url, share_url = demo.queue(default_concurrency_limit=2).launch(share=True, server_port=1)
    # Gradio's (app, local_url, share_url): no server app nor share link in a browser; CPython has no site.
    assert app is demo and local_url is None and share_url is None and demo.server_port is None
    assert demo.default_concurrency_limit == 2


def test_slider_precision_rounds_both_ways():
    s = gr.Slider(0, 10, value=3.14159, precision=2, render=False)
    assert s.value == 3.14 and s.preprocess(2.71828) == 2.72
    whole = gr.Slider(0, 10, precision=0, render=False)
    assert whole.preprocess(4.6) == 5 and isinstance(whole.preprocess(4.6), int)
    assert gr.Slider(0, 10, render=False).preprocess(4.6) == 4.6


def test_code_languages_is_gradios_list():
    assert gr.Code.languages[:3] == ["python", "c", "cpp"] and gr.Code.languages[-1] is None
    assert "sql-pgSQL" in gr.Code.languages
    for language in gr.Code.languages:
        gr.Code(language=language, render=False)  # each is accepted

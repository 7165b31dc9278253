"""gr.Dialogue (components/dialogue.py): lines in and out, Gradio's formatter/unformatter, server functions."""

import pytest

import wasmblocks as gr
from wasmblocks import Client

LINES = [{"speaker": "Ann", "text": "Hi"}, {"speaker": "Bob", "text": "Hello"}]


def test_defaults_and_props_are_gradios():
    d = gr.Dialogue(render=False)
    props = d.get_props()
    assert (d.type, d.label, d.separator, d.ui_mode, d.submit_btn) == ("text", "Dialogue", "\n", "both", False)
    assert props["speakers"] == [] and props["tags"] == [] and props["buttons"] == []
    # Gradio keeps the tag hint only on a dialogue made interactive=True.
    assert d.info is None
    assert gr.Dialogue(interactive=True, render=False).info.startswith("Type colon (:)")
    assert gr.Dialogue(LINES, render=False).get_props()["value"] == LINES


def test_preprocess_formats_text_or_keeps_lines():
    text = gr.Dialogue(render=False)
    assert text.preprocess(LINES) == "[Ann] Hi\n[Bob] Hello"
    assert text.preprocess("typed as text") == "typed as text"
    assert text.preprocess([{"speaker": "Ann", "text": ""}]) == ""  # one empty line is an empty dialogue
    custom = gr.Dialogue(formatter=lambda s, t: f"{s}: {t}", separator=" | ", render=False)
    assert custom.preprocess(LINES) == "Ann: Hi | Bob: Hello"
    assert gr.Dialogue(type="list", render=False).preprocess(LINES) == LINES


def test_bad_values_are_refused_with_the_component_named():
    d = gr.Dialogue(label="Script", render=False)
    with pytest.raises(gr.Error, match='Dialogue "Script": each line is'):
        d.postprocess([{"speaker": "Ann"}])
    with pytest.raises(gr.Error, match="expects a list"):
        d.preprocess(42)
    with pytest.raises(ValueError, match="single space"):
        gr.Dialogue(separator=" ", render=False)
    with pytest.raises(ValueError, match="type must be"):
        gr.Dialogue(type="dict", render=False)


def test_unformat_reads_formatted_text_back_into_lines():
    d = gr.Dialogue(speakers=["Ann", "Bob"], render=False)
    assert d.unformat({"text": "[Ann] Hi\n\n[Bob] Hello\nno speaker"}) == [
        *LINES, {"speaker": "Ann", "text": "no speaker"}]
    assert d.unformat({"text": "  "}) == []
    own = gr.Dialogue(unformatter=lambda line, default: {"speaker": line[:1], "text": line[2:]}, render=False)
    assert own.unformat({"text": "A hi"}) == [{"speaker": "A", "text": "hi"}]
    broken = gr.Dialogue(unformatter=lambda line, default: line, render=False)
    with pytest.raises(gr.Error, match="unformatter must return"):
        broken.unformat({"text": "x"})


def test_custom_buttons_go_to_the_toolbar():
    with gr.Blocks():
        extra = gr.Button("Read aloud")
        d = gr.Dialogue(buttons=["copy", extra])
    assert d.get_props()["buttons"] == ["copy", {"id": extra.id, "value": "Read aloud", "icon": None}]
    assert extra.parent is None  # shown in the dialogue's toolbar, not where it was made
    with pytest.raises(ValueError, match=r"'copy' or gr\.Button"):
        gr.Dialogue(buttons=["download"], render=False)


def test_the_page_calls_format_and_unformat_in_the_worker():
    with gr.Blocks() as demo:
        d = gr.Dialogue(speakers=["Ann", "Bob"], formatter=lambda s, t: f"{s.upper()}: {t}")
    h = Client(demo)
    h.send({"type": "server_call", "call_id": "c1", "block_id": d.id, "fn_name": "format", "args": [LINES]})
    h.send({"type": "server_call", "call_id": "c2", "block_id": d.id, "fn_name": "unformat",
            "args": [{"text": "[Bob] Yo"}]})
    h.send({"type": "server_call", "call_id": "c3", "block_id": d.id, "fn_name": "preprocess", "args": [LINES]})
    h.send({"type": "server_call", "call_id": "c4", "block_id": d.id, "fn_name": "format", "args": [[{"x": 1}]]})
    replies = h.wait_until(lambda: len(h.of_type("server_result")) == 4 and h.of_type("server_result"))
    by_id = {r["call_id"]: r for r in replies}
    assert by_id["c1"]["value"] == "ANN: Hi\nBOB: Hello"
    assert by_id["c2"]["value"] == [{"speaker": "Bob", "text": "Yo"}]
    assert "no server function 'preprocess'" in by_id["c3"]["error"]  # only the declared ones are callable
    assert "each line is" in by_id["c4"]["error"]


def test_submit_hands_the_function_the_formatted_text():
    with gr.Blocks() as demo:
        d = gr.Dialogue(speakers=["Ann", "Bob"], interactive=True, submit_btn=True)
        out = gr.Textbox()
        dep = d.submit(lambda v: v, d, out)
    assert Client(demo).run(dep.id, LINES) == ["[Ann] Hi\n[Bob] Hello"]


def test_examples_show_a_sample_as_its_formatted_text():
    with gr.Blocks():
        d = gr.Dialogue(speakers=["Ann", "Bob"])
        examples = gr.Examples([[LINES]], inputs=[d])
    assert examples.dataset.get_props()["samples"] == [["[Ann] Hi\n[Bob] Hello"]]
    assert examples.dataset.raw_samples == [[LINES]]  # clicking it still fills in the lines

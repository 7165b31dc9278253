"""What a function returns, as per-output updates (updates.py): values, gr.update, gr.skip, components, dicts."""

import pytest

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.session import Session
from wasmblocks.updates import OutputCountError, split_returns, to_update


def test_update_skip_component_and_dict_returns():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Textbox()
        c = gr.Textbox()
        dep = gr.Button().click(
            lambda: (gr.update(visible=False), gr.skip(), gr.Textbox(label="New", value="v")), None, [a, b, c]
        )
        dep2 = gr.Button().click(lambda: {b: "only b"}, None, {a, b})
    h = Client(demo)
    event = h.fire(dep.id)
    h.settle(event)
    (update,) = h.of_type("update", event)
    assert update["updates"] == [{"id": a.id, "props": {"visible": False}},
                                 {"id": c.id, "value": "v", "props": {"label": "New"}}]
    assert h.run(dep2.id) == ["only b"]


def test_split_returns_pairs_outputs_and_says_what_is_wrong():
    a, b = gr.Textbox(render=False), gr.Textbox(render=False)
    assert split_returns([a, b], ("x", "y"), "f") == [(a, "x"), (b, "y")]
    assert split_returns([a], ("x", "y"), "f") == [(a, ("x", "y"))]  # one output takes the whole value
    assert split_returns([], "ignored", "f") == []
    with pytest.raises(OutputCountError, match="returned a single value"):
        split_returns([a, b], "x", "f")
    with pytest.raises(OutputCountError, match="returned only 1 values"):
        split_returns([a, b], ["x"], "f")
    with pytest.warns(UserWarning, match="the extra ones are ignored"):
        assert split_returns([a, b], ("x", "y", "z"), "f") == [(a, "x"), (b, "y")]
    other = gr.Textbox(render=False)
    with pytest.raises(ValueError, match="not one of its outputs"):
        split_returns([a, b], {other: "x"}, "f")


def test_state_stays_in_the_session_and_props_are_remembered():
    session = Session()
    state = gr.State([1])
    box = gr.Dropdown(choices=["a"], render=False)
    assert to_update(state, [2], session) is None and session.get_state(state) == [2]
    update = to_update(box, gr.update(choices=["b", "c"], value="b"), session)
    assert update == {"id": box.id, "value": "b", "props": {"choices": [["b", "b"], ["c", "c"]]}}
    assert session.configured(box).choices == [["b", "b"], ["c", "c"]] and box.choices == [["a", "a"]]
    assert to_update(box, gr.skip(), session) is None
    assert to_update(box, "c", session, postprocess=False) == {"id": box.id, "value": "c"}


def test_update_names_gradios_common_props_and_leaves_out_the_ones_not_given():
    assert gr.update(elem_id="x", elem_classes="big", visible=False) == {
        "__type__": "update", "elem_id": "x", "elem_classes": ["big"], "visible": False}
    assert gr.update(value=None, label="L") == {"__type__": "update", "value": None, "label": "L"}
    assert gr.update(visible="hidden")["visible"] == "hidden"

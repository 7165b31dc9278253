"""Preprocess/postprocess of the form components added or completed in issue 4 (Components I)."""

from datetime import datetime, timezone

import pytest

import wasmblocks as gr
from wasmblocks.session import Session
from wasmblocks.updates import to_update


def test_textbox_props_and_errors():
    t = gr.Textbox(label="Name", submit_btn=True, stop_btn="Stop", buttons=["copy"], type="email", render=False)
    props = t.get_props()
    assert props["submit_btn"] is True and props["stop_btn"] == "Stop" and props["type"] == "email"
    with pytest.raises(gr.Error, match='Textbox "Name" expects text'):
        t.preprocess(3)


def test_checkbox_group_values_index_and_bad_input():
    g = gr.CheckboxGroup([("Cheese", "cheese"), "ham"], label="Toppings", render=False)
    assert g.choices == [["Cheese", "cheese"], ["ham", "ham"]]
    assert g.value == [] and g.preprocess(["ham", "cheese"]) == ["ham", "cheese"] and g.preprocess(None) == []
    assert g.postprocess("ham") == ["ham"] and g.postprocess(("a", "b")) == ["a", "b"]
    assert gr.CheckboxGroup(["a", "b", "c"], type="index", render=False).preprocess(["c", "a"]) == [2, 0]
    with pytest.raises(gr.Error, match='CheckboxGroup "Toppings": \'olives\' is not one of the choices'):
        g.preprocess(["olives"])
    with pytest.raises(gr.Error, match="expects a list"):
        g.preprocess("ham")
    with pytest.raises(ValueError):
        gr.CheckboxGroup(["a"], type="label", render=False)


def test_radio_index_and_choices_update():
    r = gr.Radio(["S", "M"], type="index", label="Size", render=False)
    assert r.preprocess("M") == 1 and r.preprocess(None) is None
    assert r.process_props({"choices": [("Large", "L")]}) == {"choices": [["Large", "L"]]}


def test_dropdown_uses_choices_set_by_an_update():
    """Gradio keeps updated props per session, so a value from new choices is accepted afterwards."""
    d = gr.Dropdown(["a", "b"], label="Fruit", render=False)
    session = Session()
    update = to_update(d, gr.Dropdown(choices=["x", "y"], value="x"), session)
    assert update["props"]["choices"] == [["x", "x"], ["y", "y"]] and update["value"] == "x"
    assert session.configured(d).preprocess("y") == "y"
    with pytest.raises(gr.Error):
        d.preprocess("y")  # the app's own component (other sessions) still has the old choices
    assert gr.Dropdown(["a", "b"], type="index", render=False).preprocess("b") == 1


def test_number_and_slider_bounds():
    n = gr.Number(precision=1, minimum=-1, render=False)
    assert n.preprocess(2.26) == 2.3 and n.postprocess("4.44") == 4.4
    with pytest.raises(gr.Error, match="less than the minimum"):
        n.preprocess(-5)
    s = gr.Slider(1, 3, step=0.5, label="S", render=False)
    assert s.preprocess(2.5) == 2.5 and s.postprocess(None) == 1
    with pytest.raises(gr.Error, match='Slider "S" expects a number'):
        s.preprocess("2")


def test_color_picker_normalises_and_rejects():
    c = gr.ColorPicker(label="Color", render=False)
    assert c.preprocess("#FF8800") == "#ff8800" and c.preprocess("#abc") == "#aabbcc" and c.preprocess("") is None
    assert c.postprocess("#ABCDEF") == "#abcdef" and c.postprocess(None) is None
    with pytest.raises(gr.Error, match='ColorPicker "Color" expects a colour'):
        c.preprocess("red")


def test_datetime_types_timezone_and_relative():
    utc = gr.DateTime(type="timestamp", timezone="UTC", label="When", render=False)
    assert utc.preprocess("1970-01-02 00:00:00") == 86400.0
    assert utc.postprocess(86400) == "1970-01-02 00:00:00"
    day = gr.DateTime(include_time=False, type="string", render=False)
    assert day.preprocess("2024-02-29") == "2024-02-29" and day.postprocess(datetime(2024, 1, 2, 3)) == "2024-01-02"
    as_dt = gr.DateTime(type="datetime", timezone="UTC", render=False).preprocess("2024-01-02 03:04:05")
    assert as_dt == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    ago = gr.DateTime(type="timestamp", render=False).preprocess("now - 1h")
    assert abs((datetime.now().timestamp() - ago) - 3600) < 5
    with pytest.raises(gr.Error, match='DateTime "When": "yesterday" is not a date'):
        utc.preprocess("yesterday")
    with pytest.raises(gr.Error, match="unknown timezone"):
        gr.DateTime(timezone="Mars/Olympus", render=False).preprocess("2024-01-01 00:00:00")
    assert utc.preprocess(None) is None


def test_checkbox_rejects_non_bool():
    with pytest.raises(gr.Error, match="expects true or false"):
        gr.Checkbox(render=False).preprocess(1)


def test_html_attributes_reach_the_page_as_set():
    attrs = gr.InputHTMLAttributes(autocorrect="off", spellcheck=False, tabindex=3, lang="fr")
    props = gr.Textbox(html_attributes=attrs, render=False).get_props()
    assert props["html_attributes"] == {"autocorrect": "off", "spellcheck": False, "tabindex": 3, "lang": "fr"}
    assert gr.MultimodalTextbox(html_attributes={"enterkeyhint": "send"}, render=False).get_props()[
        "html_attributes"] == {"enterkeyhint": "send"}
    assert gr.Textbox(render=False).get_props()["html_attributes"] is None
    with pytest.raises(TypeError):
        gr.Textbox(html_attributes={"colour": "red"}, render=False)
    with pytest.raises(ValueError, match="InputHTMLAttributes"):
        gr.Textbox(html_attributes="off", render=False)


def test_button_link_target():
    assert gr.Button(link="https://example.com", render=False).get_props()["link_target"] == "_self"
    assert gr.ClearButton(link_target="_blank", render=False).get_props()["link_target"] == "_blank"
    with pytest.raises(ValueError, match="link_target must be one of"):
        gr.Button(link_target="new", render=False)


def test_dropdown_default_value_is_gradios_first_choice_sentinel():
    from wasmblocks.components.dropdown import DEFAULT_VALUE, DefaultValue

    assert isinstance(DEFAULT_VALUE, DefaultValue)
    assert gr.Dropdown(["a", "b"], render=False).value == "a"
    assert gr.Dropdown([("A", 1), ("B", 2)], render=False).value == 1
    assert gr.Dropdown(["a"], multiselect=True, render=False).value == []
    assert gr.Dropdown(render=False).value is None
    # An explicit None is an empty dropdown, not the first choice.
    assert gr.Dropdown(["a", "b"], value=None, render=False).value is None
    # A Dropdown returned as an update changes only what it names.
    assert "value" not in gr.Dropdown(choices=["x"], render=False).explicit_props()

"""The app config the page renders (config.py): nodes, resolved interactivity, dependencies, app settings."""

import pytest

import wasmblocks as gr
from wasmblocks.config import app_config, node, resolve_interactive, theme_name


def test_a_component_only_ever_an_output_is_read_only():
    with gr.Blocks() as demo:
        source = gr.Textbox()
        shown = gr.Textbox()
        forced = gr.Textbox(interactive=True)
        untouched = gr.Textbox()
        gr.Button().click(lambda x: (x, x), source, [shown, forced])
    resolved = resolve_interactive(demo)
    assert resolved[source.id] and not resolved[shown.id] and resolved[forced.id] and resolved[untouched.id]


def test_interactivity_follows_gradios_rule_for_triggers_and_values():
    with gr.Blocks() as demo:
        source = gr.Image()
        shown = gr.Image()  # an output whose own event is listened to: still read-only, as on Gradio
        valued = gr.Textbox("set")  # no listener reads it and it has a value: read-only
        empty_trigger = gr.Textbox()
        button = gr.Button("Go")
        source.upload(lambda x: x, source, shown)
        shown.select(lambda: None)
        empty_trigger.change(lambda: None)
    resolved = resolve_interactive(demo)
    assert resolved[source.id] and not resolved[shown.id] and not resolved[valued.id]
    assert resolved[empty_trigger.id] and resolved[button.id]


def test_nodes_carry_type_props_and_children():
    with gr.Blocks() as demo, gr.Row() as row:
        box = gr.Textbox(label="L", value="v")
    tree = node(demo, resolve_interactive(demo))
    assert tree["type"] == "blocks" and tree["children"][0]["id"] == row.id
    (leaf,) = tree["children"][0]["children"]
    assert leaf["type"] == "textbox" and leaf["props"]["label"] == "L" and leaf["props"]["value"] == "v"
    assert "children" not in leaf and leaf["id"] == box.id


def test_app_config_has_what_the_page_needs():
    # Gradio 6 moved css/js/head to launch(); the Blocks constructor still takes them, with a warning.
    with pytest.warns(UserWarning, match="moved from the Blocks constructor to launch"):
        demo = gr.Blocks(title="T", css=".x{}", js="() => 1", head="<meta>", fill_height=True)
    with demo:
        gr.Button().click(lambda: None)
    config = app_config(demo)
    assert set(config) == {"title", "fill_height", "fill_width", "css", "theme", "theme_vars", "js", "head",
                           "version", "root", "dependencies", "max_file_size", "auth_required", "auth_message",
                           "footer_links", "favicon", "stop_notice_after"}
    assert (config["title"], config["css"], config["js"], config["head"], config["fill_height"]) == (
        "T", ".x{}", "() => 1", "<meta>", True)
    assert [d["id"] for d in config["dependencies"]] == [0] and config["theme"] is None


def test_theme_names():
    assert theme_name(None) is None and theme_name("soft") == "soft" and theme_name(gr.themes.Ocean()) == "ocean"

"""gr.themes: built-in themes as CSS variables, .set() overrides, dark values, and the config (themes/)."""

import pytest

import wasmblocks as gr
from wasmblocks.config import app_config
from wasmblocks.themes import theme_vars

BUILT_IN = ["Base", "Default", "Soft", "Monochrome", "Glass", "Ocean", "Origin", "Citrus"]


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_theme_resolves_every_reference(name):
    variables = getattr(gr.themes, name)().variables()
    for mode in ("light", "dark"):
        values = variables[mode]
        assert values["body-background-fill"] and values["button-primary-background-fill"]
        assert not [k for k, v in values.items() if "*" in v], f"unresolved reference in {name} {mode}"


def test_hues_sizes_and_fonts():
    theme = gr.themes.Base(primary_hue=gr.themes.colors.red, neutral_hue="slate", radius_size=gr.themes.sizes.radius_none,
                           font=[gr.themes.GoogleFont("Inter"), "sans-serif"])
    light = theme.variables()["light"]
    assert light["color-accent"] == "#ef4444" and light["primary-500"] == "#ef4444"
    assert light["body-text-color"] == "#1e293b"  # slate 800
    assert light["block-radius"] == "0px"
    assert light["font"].startswith('"Inter", sans-serif')


def test_set_overrides_light_and_dark_and_follows_references():
    theme = gr.themes.Soft().set(button_primary_background_fill="*secondary_700", body_background_fill_dark="black",
                                 block_border_color="*primary_500")
    variables = theme.variables()
    assert variables["light"]["button-primary-background-fill"] == "#4338ca"
    assert variables["dark"]["body-background-fill"] == "black"
    assert variables["light"]["block-border-color"] == "#6366f1"


def test_bad_names_are_clear_errors():
    with pytest.raises(TypeError, match="unknown theme variable 'button_colour'"):
        gr.themes.Default().set(button_colour="red")
    with pytest.raises(ValueError, match="Unknown hue 'octarine'"):
        gr.themes.Base(primary_hue="octarine")
    with pytest.raises(ValueError, match="refer to each other in a loop"):
        gr.themes.Base().set(body_text_color="*block_title_text_color", block_title_text_color="*body_text_color").variables()


def test_config_carries_theme_css_js_head():
    with gr.Blocks(theme=gr.themes.Monochrome(), css=".x{}", js="() => 1", head="<meta name='x'>") as demo:
        gr.Textbox()
    config = app_config(demo)
    assert config["theme"] == "monochrome"
    assert config["theme_vars"]["light"]["button-primary-background-fill"] == "#171717"
    assert (config["css"], config["js"], config["head"]) == (".x{}", "() => 1", "<meta name='x'>")
    demo.launch(theme="ocean", js="() => 2")
    config = app_config(demo)
    assert config["theme_vars"]["light"]["slider-color"] == "#06b6d4"
    assert config["js"] == "() => 2"


def test_no_theme_means_built_in_css_and_hub_names_warn():
    assert theme_vars(None) is None
    assert theme_vars("gradio/soft")["light"]["color-accent"] == "#6366f1"
    with pytest.warns(UserWarning, match="not built in"):
        assert theme_vars("someone/fancy") is None

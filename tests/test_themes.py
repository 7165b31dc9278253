"""gr.themes: built-in themes as CSS variables, .set() overrides, dark values, and the config (themes/)."""

import re

import pytest

import wasmblocks as gr
from wasmblocks.config import app_config
from wasmblocks.themes import theme_vars

BUILT_IN = ["Base", "Default", "Soft", "Monochrome", "Glass", "Ocean", "Origin", "Citrus", "Cyberpunk", "Ember",
            "Mario", "Neon"]
# "*name" left in a value (a multiplication like "calc(2 * 8px)" is fine).
UNRESOLVED = re.compile(r"\*[a-z_]")


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_theme_resolves_every_reference(name):
    variables = getattr(gr.themes, name)().variables()
    for mode in ("light", "dark"):
        values = variables[mode]
        assert values["body-background-fill"] and values["button-primary-background-fill"]
        unresolved = [k for k, v in values.items() if UNRESOLVED.search(v)]
        assert not unresolved, f"unresolved reference in {name} {mode}"


def test_hues_sizes_and_fonts():
    theme = gr.themes.Base(primary_hue=gr.themes.colors.red, neutral_hue="slate", radius_size=gr.themes.sizes.radius_none,
                           font=[gr.themes.GoogleFont("Inter"), "sans-serif"])
    light = theme.variables()["light"]
    assert light["color-accent"] == "#ef4444" and light["primary-500"] == "#ef4444"
    assert light["body-text-color"] == "#1e293b"  # slate 800
    assert light["block-radius"] == "0px"
    # Gradio's font value: Font objects quoted, strings as written, no fallbacks added.
    assert light["font"] == "'Inter', sans-serif"


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
        gr.themes.Base().set(body_text_color="*block_title_text_color",
                             block_title_text_color="*body_text_color").variables()


def test_config_carries_theme_css_js_head():
    with gr.Blocks(theme=gr.themes.Monochrome(), css=".x{}", js="() => 1", head="<meta name='x'>") as demo:
        gr.Textbox()
    config = app_config(demo)
    assert config["theme"] == "monochrome"
    assert config["theme_vars"]["light"]["button-primary-background-fill"] == "#171717"  # Monochrome: *neutral_900
    assert (config["css"], config["js"], config["head"]) == (".x{}", "() => 1", "<meta name='x'>")
    demo.launch(theme="ocean", js="() => 2")
    config = app_config(demo)
    assert config["theme_vars"]["light"]["slider-color"] == "#34d399"
    assert config["js"] == "() => 2"


def test_no_theme_means_built_in_css_and_hub_names_warn():
    assert theme_vars(None) is None
    assert theme_vars("gradio/soft")["light"]["color-accent"] == "#6366f1"
    with pytest.warns(UserWarning, match="not built in"):
        assert theme_vars("someone/fancy") is None


def test_gradio_6_themes_carry_gradios_facts():
    # Neon (gradio/themes/neon.py): lime/cyan/neutral, spacing_lg, radius_xxl, Lexend, raised buttons.
    neon = gr.themes.Neon().variables()
    light, dark = neon["light"], neon["dark"]
    assert light["primary-400"] == "#a3e635" and light["secondary-500"] == "#06b6d4"
    assert light["button-primary-background-fill"] == "#a3e635"  # *primary_400
    assert light["button-primary-shadow"] == "0px 4px 0px 0px #65a30d"  # *primary_600
    assert dark["button-primary-shadow"] == "0px 4px 0px 0px #4d7c0f"  # *primary_700
    assert light["button-transform-hover"] == "translateY(-2px)"
    assert light["radius-md"] == "20px" and light["spacing-xl"] == "14px"  # radius_xxl, spacing_lg
    assert light["font"] == "'Lexend', ui-sans-serif, system-ui, sans-serif"
    assert gr.themes.Cyberpunk().variables()["light"]["font-mono"].startswith("'Share Tech Mono'")
    assert gr.themes.Ember().name == "ember" and gr.themes.Mario().name == "mario"


def test_constructor_defaults_are_gradios_objects():
    assert gr.Theme is gr.themes.Base
    theme = gr.themes.Base()
    assert theme.primary_500 == gr.themes.colors.blue.c500 and theme.neutral_500 == gr.themes.colors.zinc.c500
    assert theme.font == "'IBM Plex Sans', ui-sans-serif, system-ui, sans-serif"
    assert theme.block_shadow == "none" and theme.block_shadow_dark is None  # None: dark uses the light value
    assert gr.themes.sizes.radius_xxl.expand() == ["6px", "8px", "10px", "20px", "24px", "28px", "32px"]
    assert gr.themes.LocalFont("Lexend").weights == (400, 600)
    assert gr.themes.utils.fonts.LocalFont("Space Mono", weights=(400,)).weights == (400,)


def test_custom_colors_and_sizes_by_position_and_by_name():
    mint = gr.themes.Color("#f0fff4", "#c6f6d5", "#9ae6b4", "#68d391", "#48bb78", "#38a169", "#2f855a", "#276749",
                           "#22543d", "#1c4532", "#10301f", name="mint")
    tiny = gr.themes.Size("1px", "1px", "1px", "2px", "3px", "4px", "5px", name="radius_tiny")
    light = gr.themes.Base(primary_hue="mint", radius_size="tiny").variables()["light"]
    assert light["primary-500"] == mint.c500 == "#38a169"
    assert light["radius-xxl"] == tiny.xxl == "5px"
    with pytest.raises(ValueError, match="Unknown radius size 'huge'"):
        gr.themes.Base(radius_size="huge")


def test_set_takes_every_gradio_variable_and_follows_references():
    # Gradio's theme_new_step_3 demo sets button_primary_shadow and button_large_padding.
    theme = gr.themes.Base(primary_hue="emerald").set(button_primary_shadow="*shadow_drop_lg",
                                                      button_large_padding="32px")
    light = theme.variables()["light"]
    assert light["button-primary-shadow"] == light["shadow-drop-lg"] != ""
    assert light["button-large-padding"] == "32px"
    with pytest.raises(ValueError, match="dark mode uses its dark value"):
        gr.themes.Base().set(block_shadow="*shadow_drop_dark")


def test_theme_custom_css_comes_before_the_apps():
    theme = gr.themes.Soft()
    theme.custom_css = ".wb-button { letter-spacing: 1px; }"
    with gr.Blocks(theme=theme, css=".mine {}") as demo:
        gr.Button()
    assert app_config(demo)["css"] == ".wb-button { letter-spacing: 1px; }\n.mine {}"


def test_dump_and_load_round_trip(tmp_path):
    theme = gr.themes.Neon().set(body_background_fill="*secondary_200")
    theme.dump(str(tmp_path / "neon.json"))
    loaded = gr.themes.ThemeClass.load(str(tmp_path / "neon.json"))
    assert loaded.variables() == theme.variables()
    assert loaded.name == "neon"


def test_hub_themes_are_a_clear_error():
    with pytest.raises(RuntimeError, match="Hugging Face Hub"):
        gr.themes.Base.from_hub("gradio/seafoam")
    with pytest.raises(RuntimeError, match="Hugging Face Hub"):
        gr.themes.Base().push_to_hub("me/theme")


def test_builder_model_edits_and_code():
    from wasmblocks.themes import builder_code as model

    core = {**model.defaults("Soft"), "primary_hue": "emerald", "radius_size": "radius_lg"}
    light, dark = model.templates(model.theme_class("Soft")())
    light = {**light, "button_primary_background_fill": "*primary_200"}
    theme = model.make_theme("Soft", core, light, dark)
    values = theme.variables()
    assert values["light"]["button-primary-background-fill"] == "#a7f3d0"  # emerald 200
    code = model.theme_code("Soft", core, light, dark)
    assert 'gr.themes.Soft(\n    primary_hue="emerald",\n    radius_size="lg",\n)' in code
    assert 'button_primary_background_fill="*primary_200"' in code and "neutral_hue" not in code
    assert "--primary-500: #10b981;" in model.preview_css(theme)
    with pytest.raises(ValueError, match="names nothing"):
        model.make_theme("Soft", core, {**light, "body_text_color": "*no_such_var"}, dark)


def test_builder_app_is_importable_as_gradio_names_it():
    from wasmblocks.themes.builder_app import demo

    assert callable(gr.themes.builder)
    assert any(getattr(b, "label", None) == "Primary Hue" for b in demo.blocks().values())

"""Gradio 6's themes (Neon, Cyberpunk) restyle a real page: buttons, their raised shadow and hover lift, block
titles, radio choices, inputs and the page background take the colours Gradio's theme files give them.

The expected values are Gradio's facts (gradio/themes/neon.py and cyberpunk.py name the variables, the
Tailwind palettes in themes/colors.py give the hues), written out here, not read back from our own theme code.
"""

import pytest

APP = """
import gradio as gr

with gr.Blocks() as demo:
    gr.Textbox(label="Name")
    gr.Radio(["one", "two"], value="one", label="Pick")
    with gr.Row():
        gr.Button("Go", variant="primary")
        gr.Button("Clear")

demo.launch(theme=gr.themes.{theme}())
"""

LIME = {"200": "#d9f99d", "300": "#bef264", "400": "#a3e635", "500": "#84cc16", "600": "#65a30d", "700": "#4d7c0f",
        "800": "#3f6212", "950": "#2f4e14"}
NEUTRAL = {"100": "#f5f5f5", "300": "#d4d4d4", "700": "#404040", "950": "#0f0f0f"}
FUCHSIA = {"100": "#fae8ff", "500": "#d946ef", "600": "#c026d3", "700": "#a21caf"}
# (theme, mode) → CSS property of a part of the page → Gradio's value.
EXPECTED = {
    ("Neon", "light"): {
        "body": {"background-color": NEUTRAL["100"]},  # body_background_fill=*neutral_100
        "primary": {"background-color": LIME["400"], "color": LIME["950"], "border-top-width": "2px",
                    "box-shadow": f"0px 4px 0px 0px {LIME['600']}"},
        "secondary": {"background-color": "white", "box-shadow": f"0px 4px 0px 0px {NEUTRAL['300']}"},
        "title": {"background-color": LIME["200"], "color": LIME["800"], "font-weight": "600"},
        "choice": {"background-color": LIME["300"], "border-top-color": LIME["500"], "border-top-width": "2px"},
        "input": {"border-top-width": "2px", "border-top-color": NEUTRAL["300"]},
    },
    ("Neon", "dark"): {
        "body": {"background-color": NEUTRAL["950"]},
        "primary": {"background-color": LIME["500"], "box-shadow": f"0px 4px 0px 0px {LIME['700']}"},
        "secondary": {"box-shadow": f"0px 4px 0px 0px {NEUTRAL['700']}"},
        "title": {"background-color": LIME["800"], "color": LIME["200"]},
    },
    ("Cyberpunk", "light"): {
        "primary": {"background-color": FUCHSIA["500"], "color": "white", "border-top-width": "2px"},
        "title": {"background-color": FUCHSIA["100"], "color": FUCHSIA["700"]},
    },
    ("Cyberpunk", "dark"): {
        "body": {"background-color": "#0a0416"},
        "primary": {"background-color": FUCHSIA["600"], "box-shadow": f"0 0 12px -2px {FUCHSIA['500']}50"},
    },
}
PARTS = {
    "body": "body",
    "primary": "button.primary",
    "secondary": "button.secondary",
    "title": ".block-title >> text=Name",
    "choice": ".wb-radio .choice.selected",
    "input": "textarea, input[type=text]",
}


def _computed(page, selector, prop):
    return page.locator(selector).first.evaluate("(e, p) => getComputedStyle(e).getPropertyValue(p)", prop)


def _as_browser_writes(page, prop, value):
    # The browser's own spelling of a CSS value (rgb(…), shadow order), so the comparison is of values (a solid
    # border, else a border width computes to 0px).
    return page.evaluate(
        """([p, v]) => { const e = document.createElement('div'); e.style.borderStyle = 'solid';
            e.style.setProperty(p, v);
            document.body.appendChild(e); const out = getComputedStyle(e).getPropertyValue(p); e.remove();
            return out; }""",
        [prop, value],
    )


@pytest.mark.parametrize(("theme", "mode"), list(EXPECTED), ids=[f"{t}-{m}" for t, m in EXPECTED])
def test_theme_restyles_the_page_as_gradios(theme, mode, open_app, source_url):
    page = open_app(source_url(f"theme_{theme.lower()}.py", APP.format(theme=theme)) + f"?__theme={mode}")
    for part, props in EXPECTED[(theme, mode)].items():
        for prop, value in props.items():
            assert _computed(page, PARTS[part], prop) == _as_browser_writes(page, prop, value), (part, prop)
    assert not page.wasmblocks_errors


def test_neon_buttons_lift_on_hover(open_app, source_url):
    page = open_app(source_url("theme_neon.py", APP.format(theme="Neon")) + "?__theme=light")
    button = page.get_by_role("button", name="Go")
    assert button.evaluate("e => getComputedStyle(e).transform") == "none"
    button.hover()
    # button_transform_hover="translateY(-2px)", reached once the theme's 0.1 s transition ends.
    page.wait_for_function(
        "e => getComputedStyle(e).transform === 'matrix(1, 0, 0, 1, 0, -2)'", arg=button.element_handle()
    )
    shadow = button.evaluate("e => getComputedStyle(e).boxShadow")
    assert shadow == _as_browser_writes(page, "box-shadow", f"0px 6px 0px 0px {LIME['600']}")  # ..._shadow_hover

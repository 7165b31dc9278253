"""gradio.themes.builder_app: an app for building a theme, with a live preview of components in it.

`demo` is the app (Gradio's demo/theme_builder launches it; gr.themes.builder() too). On the left the controls: a
starting theme, its core hues, sizes and fonts, and every theme variable for light and dark mode; on the right
the code that rebuilds the theme and components to see it on. Each change rebuilds the theme in the worker
(builder_code.py) and puts its CSS into <style id='theme_css'>, so the page restyles without a reload.
"""

from __future__ import annotations

from typing import Any

from ..blocks import Blocks
from ..components.button import Button
from ..components.chatbot import Chatbot
from ..components.checkbox import Checkbox
from ..components.checkbox_group import CheckboxGroup
from ..components.code import Code
from ..components.color_picker import ColorPicker
from ..components.dropdown import Dropdown
from ..components.json import JSON
from ..components.label import Label
from ..components.markdown import Markdown
from ..components.number import Number
from ..components.radio import Radio
from ..components.slider import Slider
from ..components.state import State
from ..components.textbox import Textbox
from ..layouts.accordion import Accordion
from ..layouts.column import Column
from ..layouts.row import Row
from ..layouts.tabs import Tab, Tabs
from ..listeners import on
from . import builder_code as model
from .base import Base

# Tabs of variables, by the first word of the name; what matches none goes under "Body & Text".
GROUPS = {"Blocks": ("block", "panel", "accordion", "section", "layout", "container", "form", "embed"),
          "Buttons": ("button",), "Inputs": ("input", "slider", "checkbox", "radio"),
          "Other": ("table", "chatbot", "code", "loader", "stat", "error")}
# Fills (or makes, when launched without the builder's head=) the <style> the preview CSS lives in.
APPLY_CSS = """(css) => {
    let tag = document.getElementById('theme_css');
    if (!tag) { tag = document.createElement('style'); tag.id = 'theme_css'; document.head.appendChild(tag); }
    tag.textContent = css;
}"""
# The app root and <body> both carry "dark" (web/src/renderer/theme.ts); toggle them together.
TOGGLE_DARK = """() => {
    const dark = !document.body.classList.contains('dark');
    document.body.classList.toggle('dark', dark);
    document.querySelectorAll('.gradio-container').forEach((el) => el.classList.toggle('dark', dark));
}"""
# The page CSS gr.themes.builder() launches with: the controls scroll on their own beside the preview.
PAGE_CSS = """
.gradio-container { max-width: none !important; }
#controls { max-height: 100vh; overflow-y: auto; position: sticky; top: 0; }
"""


HEAD = "<style id='theme_css'></style>"


def _group(name: str) -> str:
    first = name.split("_")[0]
    return next((tab for tab, words in GROUPS.items() if first in words), "Body & Text")


START = "Base"
_start = model.defaults(START)
_light, _dark = model.templates(Base())

with Blocks(title="Theme Builder") as demo:
    loaded = State(START)  # the theme the variable editors hold, so picking another one alone changes nothing
    history = State([])  # every rendered state of the controls, for Undo
    with Row():
        with Column(scale=1, elem_id="controls", min_width=400):
            with Row():
                undo_btn = Button("Undo", size="sm")
                dark_mode_btn = Button("Dark Mode", variant="primary", size="sm")
            with Tabs():
                with Tab("Source Theme"):
                    Markdown("Start from a built-in theme: loading it fills in every control below.")
                    theme_name = Dropdown(list(model.THEME_NAMES), value=START, label="Theme")
                    load_btn = Button("Load Theme", elem_id="load_theme")
                with Tab("Core Colors"):
                    Markdown("The three hues the variables refer to as `*primary_500`, `*neutral_200`, …")
                    hues = [Dropdown(list(model.HUES), value=_start[key], label=key.replace("_", " ").title())
                            for key in model.CORE[:3]]
                with Tab("Core Sizing"):
                    Markdown("Size scales, from xxs to xxl, that variables refer to as `*spacing_md`, `*radius_lg`, …")
                    sizes = [Dropdown(model.size_names(key.split("_")[0]), value=_start[key],
                                      label=key.replace("_", " ").title()) for key in model.CORE[3:]]
                with Tab("Core Fonts"):
                    Markdown("Font families in order of preference, separated by commas.")
                    fonts = [Textbox(_start["font"], label="Main Font"),
                             Textbox(_start["font_mono"], label="Monospace Font")]
                light_boxes: dict[str, Textbox] = {}
                dark_boxes: dict[str, Textbox] = {}
                for tab in ("Body & Text", *GROUPS):
                    with Tab(tab):
                        Markdown("A value may name a shade (`*primary_200`), a size step or another variable "
                                 "with `*`. The second box is for dark mode.")
                        for var in (v for v in model.VARIABLES if _group(v) == tab):
                            with Row():
                                light_boxes[var] = Textbox(_light[var], label=var)
                                dark_boxes[var] = Textbox(_dark[var], label=f"{var}_dark")

        with Column(scale=2, elem_id="app"):
            with Column(variant="panel"):
                Markdown("# Theme Builder\nChange the controls on the left; the app below shows the theme as it is. "
                         "**View Code** gives the Python that makes it.")
                with Accordion("View Code", open=False):
                    code = Code(language="python", label="Theme code", interactive=False)
            Markdown("Below this panel is an app to try the theme on.")
            name = Textbox(label="Name", info="Full name, including middle name.", placeholder="John Doe")
            with Row():
                Slider(label="Slider 1")
                Slider(label="Slider 2")
            CheckboxGroup(["A", "B", "C"], label="Checkbox Group")
            with Row():
                with Column(variant="panel", scale=1):
                    Markdown("## Panel 1")
                    Radio(["A", "B", "C"], label="Radio", info="Pick one.")
                    Dropdown(["Option 1", "Option 2", "Option 3"], label="Dropdown", info="Pick from a list.")
                    Checkbox(label="Go")
                with Column(variant="panel", scale=2):
                    Markdown("## Panel 2")
                    with Row():
                        go_btn = Button("Go", variant="primary")
                        clear_btn = Button("Clear", variant="secondary")
                    with Row():
                        Button("Button 1", size="sm")
                        Button("Stop", variant="stop", size="sm")
                    greeting = Textbox(label="Greeting")
            with Row():
                JSON({"theme": "preview", "items": [1, 2, 3]}, label="JSON")
                Label({"cat": 0.7, "dog": 0.2, "fish": 0.1}, label="Label")
                ColorPicker("#2563eb", label="Colour")
            with Row():
                with Column(scale=2):
                    Chatbot([{"role": "user", "content": "Hello!"},
                             {"role": "assistant", "content": "Hi — this is how the theme looks in a chat."}],
                            label="Chatbot")
                with Column(scale=1), Accordion("Advanced Settings"):
                    Number(label="Chatbot control 1")
                    Number(label="Chatbot control 2")

    go_btn.click(lambda who: f"Hello, {who or 'world'}!", name, greeting)
    clear_btn.click(lambda: ("", ""), None, [name, greeting])
    dark_mode_btn.click(None, None, None, js=TOGGLE_DARK)

    css_out = Textbox(visible=False)
    # In VARIABLES order (the boxes were made tab by tab): render() and load_theme() pair values with names so.
    variables = [*(light_boxes[v] for v in model.VARIABLES), *(dark_boxes[v] for v in model.VARIABLES)]
    controls = [*hues, *sizes, *fonts]

    def _values(args: tuple[Any, ...]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        core = dict(zip((*model.CORE, *model.FONTS), (str(a or "") for a in args[:len(controls)]), strict=True))
        rest = [str(a or "") for a in args[len(controls):]]
        n = len(model.VARIABLES)
        light = dict(zip(model.VARIABLES, rest[:n], strict=True))
        return core, light, dict(zip(model.VARIABLES, rest[n:], strict=True))

    def render(past: list[list[Any]], base: str, *args: Any) -> tuple[list[list[Any]], str, str]:
        """The preview CSS and the code for the theme the controls describe; the state joins the history."""
        core, light, dark = _values(args)
        try:
            theme = model.make_theme(base, core, light, dark)
        except (TypeError, ValueError) as exc:
            from ..alerts import Error

            raise Error(f"The theme cannot be built: {exc}") from None
        now = [base, *args]
        if not past or past[-1] != now:  # Undo's own render brings back the last state: not a new step
            past.append(now)
        return past, model.preview_css(theme), model.theme_code(base, core, light, dark)

    def undo(past: list[list[Any]]) -> list[Any]:
        """The controls as they were before the last change (the first state stays)."""
        if len(past) > 1:
            past.pop()
        before = past[-1] if past else [START, *load_theme(START)[1:]]
        return [past, before[0], before[0], *before[1:]]

    def load_theme(name: str) -> list[Any]:
        """Every control filled from a built-in theme's own defaults and variable templates."""
        own = model.defaults(name)
        light, dark = model.templates(model.theme_class(name)())
        return [name, *(own[k] for k in (*model.CORE, *model.FONTS)),
                *(light[v] for v in model.VARIABLES), *(dark[v] for v in model.VARIABLES)]

    def rerender(listen: Any) -> None:
        listen(render, [history, loaded, *controls, *variables], [history, css_out, code],
               api_visibility="private").then(
            None, css_out, None, js=APPLY_CSS)

    load_btn.click(load_theme, theme_name, [loaded, *controls, *variables], api_visibility="private").then(
        render, [history, loaded, *controls, *variables], [history, css_out, code], api_visibility="private").then(
        None, css_out, None, js=APPLY_CSS)
    rerender(lambda *a, **k: undo_btn.click(undo, history, [history, loaded, theme_name, *controls, *variables],
                                            api_visibility="private").then(*a, **k))
    rerender(demo.load)
    rerender(lambda *a, **k: on([*(d.select for d in (*hues, *sizes)), *(t.blur for t in (*fonts, *variables)),
                                 *(t.submit for t in (*fonts, *variables))], *a, **k))


if __name__ == "__main__":
    demo.launch(theme=Base(), css=PAGE_CSS, head=HEAD)

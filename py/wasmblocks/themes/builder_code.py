"""The theme builder's model: a theme made from the builder's controls, its preview CSS and the Python for it.

builder_app.py lays out the controls; this module turns their values into a theme (`make_theme`), the CSS the
page swaps in without a reload (`preview_css`) and the code that rebuilds the theme (`theme_code`).
"""

from __future__ import annotations

import inspect
from typing import Any

from . import BUILT_IN
from .base import Base
from .colors import Color
from .fonts import GENERIC, Font
from .sizes import Size
from .templates import LIGHT

# The core arguments every built-in theme takes, in the order the builder shows them.
CORE = ("primary_hue", "secondary_hue", "neutral_hue", "text_size", "spacing_size", "radius_size")
FONTS = ("font", "font_mono")
# Every variable a theme's .set() takes (Gradio's list); each has a light and a dark editor.
VARIABLES: tuple[str, ...] = tuple(LIGHT)
THEME_NAMES: tuple[str, ...] = tuple(cls.__name__ for cls in BUILT_IN.values())
HUES: tuple[str, ...] = tuple(dict.fromkeys(c.name for c in Color.all if c.name))


def size_names(kind: str) -> list[str]:
    """The preset names for one size kind ("radius" → radius_none, radius_sm, …), as the dropdowns offer."""
    return [s.name for s in Size.all if s.name and s.name.startswith(f"{kind}_")]


def theme_class(name: str) -> type[Base]:
    """A built-in theme class by its class name ("Soft"); a clear error for anything else."""
    cls = BUILT_IN.get(name.lower())
    if cls is None:
        raise ValueError(f"{name!r} is not a built-in theme; pick one of: {', '.join(THEME_NAMES)}")
    return cls


def _font_text(stack: Any) -> str:
    items = [stack] if isinstance(stack, (str, Font)) else stack
    return ", ".join(f.name if isinstance(f, Font) else str(f) for f in items)


def defaults(name: str) -> dict[str, str]:
    """A theme's own constructor defaults as the builder's control values: hue and size names, font stacks."""
    found: dict[str, str] = {}
    for param in inspect.signature(theme_class(name).__init__).parameters.values():
        value = param.default
        if param.name in CORE:
            found[param.name] = value if isinstance(value, str) else str(value.name)
        elif param.name in FONTS:
            found[param.name] = _font_text(value)
    return found


def templates(theme: Base) -> tuple[dict[str, str], dict[str, str]]:
    """The theme's variable templates (`*primary_500`…) for light and for dark, where dark falls back to light."""
    light = {name: theme._light[name] for name in VARIABLES}
    dark = {name: theme._dark.get(name, theme._light[name]) for name in VARIABLES}
    return light, dark


def _core_args(name: str, core: dict[str, str]) -> dict[str, Any]:
    """Constructor arguments that differ from the theme's defaults (fonts as given, else the theme's own Font
    objects, which carry weights and local/Google origin)."""
    own = defaults(name)
    args: dict[str, Any] = {}
    for key in (*CORE, *FONTS):
        value = (core.get(key) or "").strip()
        if not value or value == own[key]:
            continue
        args[key] = _font_stack(value) if key in FONTS else value
    return args


def _font_stack(text: str) -> list[Font | str]:
    """ "Inter, sans-serif" as a font list: named families become Fonts (quoted in CSS), generic ones stay."""
    names = [part.strip(" '\"") for part in text.split(",")]
    return [name if name in GENERIC else Font(name) for name in names if name]


def overrides(name: str, core: dict[str, str], light: dict[str, str], dark: dict[str, str]) -> dict[str, str]:
    """The .set() arguments: every edited variable whose value is not the theme's own template."""
    own_light, own_dark = templates(theme_class(name)(**_core_args(name, core)))
    changed = {k: v for k, v in light.items() if v.strip() and v != own_light[k]}
    changed.update({f"{k}_dark": v for k, v in dark.items() if v.strip() and v != own_dark[k]})
    return changed


def make_theme(name: str, core: dict[str, str], light: dict[str, str], dark: dict[str, str]) -> Base:
    """The theme the controls describe: the chosen built-in theme, its core arguments, then the edits."""
    theme = theme_class(name)(**_core_args(name, core))
    theme.set(**overrides(name, core, light, dark))
    theme.variables()  # resolve now, so a reference to nothing is reported here and not by the page
    return theme


def preview_css(theme: Base) -> str:
    """The theme's variables as CSS for the page's <style id='theme_css'>.

    The selectors are doubled so they outrank the launch theme's own rules (web/src/renderer/theme.ts writes
    `.gradio-container {…}`) wherever the two <style> elements sit in <head>."""
    values = theme.variables()

    def block(selector: str, mode: str) -> str:
        lines = "".join(f"  --{k}: {v.replace('{', '').replace('}', '')};\n" for k, v in values[mode].items())  # type: ignore[literal-required]
        return f"{selector} {{\n{lines}}}\n"

    light_bg = values["light"].get("body-background-fill", "")
    dark_bg = values["dark"].get("body-background-fill", light_bg)
    return (block(".gradio-container.gradio-container", "light")
            + block(".gradio-container.gradio-container.dark", "dark")
            + f"html body {{ background: {light_bg}; }}\nhtml body.dark {{ background: {dark_bg}; }}\n")


def _literal(value: Any) -> str:
    if isinstance(value, Font):
        return f"gr.themes.{type(value).__name__}({_literal(value.name)})"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def theme_code(name: str, core: dict[str, str], light: dict[str, str], dark: dict[str, str]) -> str:
    """Python that rebuilds the theme: `gr.themes.<Theme>(differing core args).set(edited variables)`."""
    args = _core_args(name, core)
    for key in ("text_size", "spacing_size", "radius_size"):
        if key in args:  # Gradio's themes take a preset's short name ("lg"), as ours do
            args[key] = args[key].removeprefix(key.split("_")[0] + "_")
    call = f"gr.themes.{theme_class(name).__name__}("
    if args:
        call += "\n" + "".join(f"    {k}={_literal(v)},\n" for k, v in args.items())
    call += ")"
    changed = overrides(name, core, light, dark)
    if changed:
        call += ".set(\n" + "".join(f"    {k}={_literal(v)},\n" for k, v in changed.items()) + ")"
    return (f"import gradio as gr\n\ntheme = {call}\n\nwith gr.Blocks() as demo:\n    ...\n\n"
            "demo.launch(theme=theme)\n")


__all__ = ["CORE", "FONTS", "HUES", "THEME_NAMES", "VARIABLES", "defaults", "make_theme", "overrides",
           "preview_css", "size_names", "templates", "theme_class", "theme_code"]

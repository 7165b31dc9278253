"""gr.themes.Base and ThemeClass: hues, sizes and fonts turned into the CSS variables the page applies.

A theme holds Gradio's variable templates (templates.py) and resolves them to values for the page
(config.theme_vars): `*primary_500` becomes the primary hue's 500 shade, `*block_border_color` that variable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..protocol import ThemeVars
from . import colors, fonts, sizes
from .colors import SHADES
from .templates import DARK, LIGHT

_REF = re.compile(r"\*([A-Za-z0-9_]+)")
STEPS = ("xxs", "xs", "sm", "md", "lg", "xl", "xxl")
# Variables our page's CSS reads that Gradio's themes do not define; a theme derives them like its neighbours.
EXTRA_LIGHT = {"toast_background": "*background_fill_primary"}
EXTRA_DARK = {"toast_background": "*neutral_800"}
_NO_HUB = ("{what} needs the Hugging Face Hub, and an app running in the browser has no Hub access; "
           "build the theme in Python (gr.themes.Base(...).set(...)) or load a saved one with ThemeClass.load()")


class ThemeClass:
    """What every theme has: variable templates (light, and dark where they differ), `.set()` to change them,
    and `variables()`, the resolved values the page applies."""

    def __init__(self) -> None:
        self.name: str | None = None
        self.custom_css = ""
        self._constants: dict[str, str] = {}
        self._light: dict[str, str] = {}
        self._dark: dict[str, str] = {}
        self._stylesheets: list[str] = []
        self._font_css: list[str] = []

    def __getattr__(self, name: str) -> Any:
        # Gradio keeps each variable as an attribute (theme.button_primary_background_fill, theme.primary_500,
        # theme.block_shadow_dark is None when dark uses the light value); read them the same way.
        if not name.startswith("_"):
            light, dark, constants = (self.__dict__.get(k, {}) for k in ("_light", "_dark", "_constants"))
            if name in constants:
                return constants[name]
            if name in light:
                return light[name]
            if name.endswith("_dark") and name[:-5] in light:
                return dark.get(name[:-5])
        raise AttributeError(f"{type(self).__name__!r} theme has no variable {name!r}")

    def set(self, **variables: Any) -> ThemeClass:
        """Override variables, Gradio style: `button_primary_background_fill="*primary_200"`, `…_dark` for dark
        mode. A value may name a hue shade, a size step or another variable with `*`; None leaves it as it is."""
        for key, value in variables.items():
            dark = key.endswith("_dark")
            name = key[:-5] if dark else key
            if name not in self._light:
                raise TypeError(f"{type(self).__name__}.set() got an unknown theme variable {key!r}")
            if value is None or value == "":
                continue  # Gradio's set() keeps the current value for None (and for "")
            text = str(value)
            for ref in _REF.findall(text):
                if ref.endswith("_dark"):
                    raise ValueError(f"{key}={text!r}: refer to {ref[:-5]!r}; dark mode uses its dark value itself")
            (self._dark if dark else self._light)[name] = text
        return self

    # ---- resolving ----
    def _resolve(self, templates: dict[str, str]) -> dict[str, str]:
        done: dict[str, str] = {}

        def value_of(name: str, stack: tuple[str, ...]) -> str:
            if name in done:
                return done[name]
            if name in self._constants:
                return self._constants[name]
            if name not in templates:
                raise ValueError(f"Theme variable reference *{name} names nothing")
            if name in stack:
                raise ValueError(f"Theme variables refer to each other in a loop: {' → '.join((*stack, name))}")
            done[name] = _REF.sub(lambda m: value_of(m.group(1), (*stack, name)), templates[name])
            return done[name]

        for name in templates:
            value_of(name, ())
        return done

    def variables(self) -> ThemeVars:
        """{"light": {css-var: value}, "dark": {…}}: what the page sets on the app container (names without --)."""
        css = lambda values: {k.replace("_", "-"): v for k, v in values.items()}
        constants = css(self._constants)
        light = css(self._resolve(self._light))
        dark = css(self._resolve({**self._light, **self._dark}))
        return {"light": {**constants, **light}, "dark": {**constants, **dark}}

    def _get_computed_value(self, prop: str) -> str:
        """One variable's value with every reference followed (`prop_dark` for dark mode), as Gradio's is."""
        dark = prop.endswith("_dark")
        name = prop[:-5] if dark else prop
        values = self.variables()["dark" if dark else "light"]
        return values.get(name.replace("_", "-"), "")

    # ---- saving and loading (Gradio's theme JSON: {"theme": {name: value, name_dark: value}, …}) ----
    def to_dict(self) -> dict[str, Any]:
        from ..blocks import VERSION  # here, not at the top: blocks sits beside themes and need not load first

        theme: dict[str, Any] = {**self._constants, **self._light}
        theme.update({f"{k}_dark": v for k, v in self._dark.items()})
        theme.update({"name": self.name or "", "_stylesheets": list(self._stylesheets)})
        return {"theme": theme, "gradio_version": VERSION}

    @classmethod
    def from_dict(cls, theme: dict[str, Any]) -> ThemeClass:
        """A theme from to_dict()'s form; variables it lacks keep Base's values (as Gradio does for old files)."""
        made = Base()
        values = dict(theme.get("theme", {}))
        made.name = str(values.pop("name", "") or "base")
        values.pop("_stylesheets", None)
        for key, value in values.items():
            if key.startswith("_") or not isinstance(value, str):
                continue
            if key in made._constants:
                made._constants[key] = value
            elif key in made._light or (key.endswith("_dark") and key[:-5] in made._light):
                made.set(**{key: value})
        return made

    def dump(self, filename: str) -> None:
        """Write the theme to a JSON file (ThemeClass.load reads it back)."""
        Path(filename).write_text(json.dumps(self.to_dict()), encoding="utf-8")

    @classmethod
    def load(cls, path: str) -> ThemeClass:
        """Read a theme JSON file written by dump() (or by Gradio's Theme.dump)."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def from_hub(cls, repo_name: str, token: str | None = None) -> ThemeClass:
        raise RuntimeError(_NO_HUB.format(what=f"Loading the theme {repo_name!r} from the Hub"))

    def push_to_hub(self, repo_name: str, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(_NO_HUB.format(what=f"Uploading the theme to {repo_name!r}"))


class Base(ThemeClass):
    """A theme: `gr.themes.Base(primary_hue="blue").set(button_primary_text_color="white")`."""

    def __init__(
        self,
        *,
        primary_hue: colors.Color | str = colors.blue,
        secondary_hue: colors.Color | str = colors.blue,
        neutral_hue: colors.Color | str = colors.zinc,
        text_size: sizes.Size | str = sizes.text_md,
        spacing_size: sizes.Size | str = sizes.spacing_md,
        radius_size: sizes.Size | str = sizes.radius_md,
        font: fonts.Font | str | Iterable[fonts.Font | str] = (
            fonts.LocalFont("IBM Plex Sans"),
            "ui-sans-serif",
            "system-ui",
            "sans-serif",
        ),
        font_mono: fonts.Font | str | Iterable[fonts.Font | str] = (
            fonts.LocalFont("IBM Plex Mono"),
            "ui-monospace",
            "Consolas",
            "monospace",
        ),
    ) -> None:
        super().__init__()
        self.name = "base"
        found: dict[str, str] = {}
        for role, hue in (("primary", primary_hue), ("secondary", secondary_hue), ("neutral", neutral_hue)):
            found.update(zip((f"{role}_{s}" for s in SHADES), colors.resolve(hue).expand()))
        for kind, size in (("spacing", spacing_size), ("radius", radius_size), ("text", text_size)):
            found.update(zip((f"{kind}_{s}" for s in STEPS), sizes.resolve(size, kind).expand()))
        self._font, found["font"] = fonts.stack(font)
        self._font_mono, found["font_mono"] = fonts.stack(font_mono)
        self._constants = found
        self._light = {**LIGHT, **EXTRA_LIGHT}
        self._dark = {**DARK, **EXTRA_DARK}

    def __repr__(self) -> str:
        return f"<gr.themes.{type(self).__name__} {self.name!r}: primary {self.primary_500}, font {self.font}>"

"""gr.themes.Base: hues, sizes and fonts turned into the CSS variables the page applies (config.theme_vars)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from ..protocol import ThemeVars
from . import colors
from .variables import DARK, LIGHT, RADIUS_SIZES, SIZE_STEPS, SPACING_SIZES, TEXT_SIZES

_REF = re.compile(r"\*([a-z0-9_]+)")
SYSTEM_SANS = (
    "ui-sans-serif",
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "Roboto",
    "Helvetica Neue",
    "Arial",
    "sans-serif",
)
SYSTEM_MONO = ("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace")


class Font:
    """A font family by name (a system or already-loaded font)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def stack(self) -> str:
        generic = {
            "sans-serif",
            "serif",
            "monospace",
            "system-ui",
            "ui-sans-serif",
            "ui-monospace",
            "ui-serif",
            "cursive",
        }
        return self.name if self.name in generic or self.name.startswith("-") else f'"{self.name}"'


class GoogleFont(Font):
    """Accepted for compatibility; the browser uses it only if the font is installed (there is no CDN fetch)."""

    def __init__(self, name: str, weights: Any = (400, 600)) -> None:
        super().__init__(name)
        self.weights = weights


class LocalFont(Font):
    """A font the page already has."""


def _size(value: Any, table: Mapping[str, tuple[str, ...]], what: str) -> tuple[str, ...]:
    name = getattr(value, "name", value)
    if isinstance(name, str):
        name = name.rsplit("_", 1)[-1]
    if name not in table:
        raise ValueError(f"Unknown {what} size {value!r}; use one of: {', '.join(table)}")
    return table[name]


def _font_stack(font: Any, fallback: tuple[str, ...]) -> str:
    items = list(font) if isinstance(font, (list, tuple)) else [font]
    names = [item if isinstance(item, Font) else Font(str(item)) for item in items if item]
    seen = [f.stack() for f in names]
    seen += [Font(name).stack() for name in fallback if Font(name).stack() not in seen]
    return ", ".join(seen)


class Base:
    """A theme: `gr.themes.Base(primary_hue="blue").set(button_primary_text_color="white")`."""

    # Subclasses (Default, Soft, …) override these and their own variable values in THEME_LIGHT/THEME_DARK.
    DEFAULTS: ClassVar[dict[str, Any]] = {"primary_hue": "blue", "secondary_hue": "blue", "neutral_hue": "gray",
                                "text_size": "md", "spacing_size": "md", "radius_size": "md", "font": SYSTEM_SANS,
                                "font_mono": SYSTEM_MONO}
    THEME_LIGHT: ClassVar[dict[str, str]] = {}
    THEME_DARK: ClassVar[dict[str, str]] = {}

    def __init__(
        self,
        *,
        primary_hue: colors.Color | str | None = None,
        secondary_hue: colors.Color | str | None = None,
        neutral_hue: colors.Color | str | None = None,
        text_size: Any = None,
        spacing_size: Any = None,
        radius_size: Any = None,
        font: Any = None,
        font_mono: Any = None,
    ) -> None:
        d = self.DEFAULTS
        base = Base.DEFAULTS
        pick = lambda name, value: value if value is not None else d.get(name, base[name])
        self.primary_hue = colors.resolve(pick("primary_hue", primary_hue))
        self.secondary_hue = colors.resolve(pick("secondary_hue", secondary_hue))
        self.neutral_hue = colors.resolve(pick("neutral_hue", neutral_hue))
        self.text_size = _size(pick("text_size", text_size), TEXT_SIZES, "text")
        self.spacing_size = _size(pick("spacing_size", spacing_size), SPACING_SIZES, "spacing")
        self.radius_size = _size(pick("radius_size", radius_size), RADIUS_SIZES, "radius")
        self.font = pick("font", font)
        self.font_mono = pick("font_mono", font_mono)
        self._light = {**LIGHT, **self.THEME_LIGHT}
        self._dark = {**DARK, **self.THEME_DARK}

    @property
    def name(self) -> str:
        return type(self).__name__.lower()

    def set(self, **variables: str) -> Base:
        """Override variables, Gradio style: `button_primary_background_fill="*primary_200"`, `…_dark` for dark mode."""
        for key, value in variables.items():
            dark = key.endswith("_dark")
            name = key[: -len("_dark")] if dark else key
            if name not in self._light:
                raise TypeError(f"{type(self).__name__}.set() got an unknown theme variable {key!r}")
            (self._dark if dark else self._light)[name] = str(value)
        return self

    # ---- resolving ----
    def _constants(self) -> dict[str, str]:
        found: dict[str, str] = {
            "font_stack": _font_stack(self.font, SYSTEM_SANS),
            "font_mono_stack": _font_stack(self.font_mono, SYSTEM_MONO),
        }
        for role, hue in (
            ("primary", self.primary_hue),
            ("secondary", self.secondary_hue),
            ("neutral", self.neutral_hue),
        ):
            for shade, value in zip(colors.SHADES, hue.expand()):
                found[f"{role}_{shade}"] = value
        for prefix, scale in (("text", self.text_size), ("spacing", self.spacing_size), ("radius", self.radius_size)):
            for step, value in zip(SIZE_STEPS, scale):
                found[f"{prefix}_{step}"] = value
        return found

    def _resolve(self, templates: dict[str, str], constants: dict[str, str]) -> dict[str, str]:
        done: dict[str, str] = {}

        def value_of(name: str, stack: tuple[str, ...]) -> str:
            if name in done:
                return done[name]
            if name in constants:
                return constants[name]
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
        """{"light": {css-var: value}, "dark": {…}}: what the page sets on the app container."""
        constants = self._constants()
        light = self._resolve(self._light, constants)
        dark = self._resolve({**self._light, **self._dark}, constants)
        css = lambda values: {k.replace("_", "-"): v for k, v in values.items()}
        hues = {
            k.replace("_", "-"): v
            for k, v in constants.items()
            if k.split("_")[0] in ("primary", "secondary", "neutral")
        }
        return {"light": {**hues, **css(light)}, "dark": {**hues, **css(dark)}}

    def __repr__(self) -> str:
        return f"gr.themes.{type(self).__name__}(primary_hue={self.primary_hue.name!r})"

"""Gradio's built-in themes as variations of Base: hues, sizes, and the variables each one restyles."""

from __future__ import annotations

from .base import SYSTEM_SANS, Base


class Default(Base):
    """Gradio 5's default look: orange accents, blue links, gray neutrals (the page's built-in CSS)."""

    DEFAULTS = {"primary_hue": "orange", "secondary_hue": "blue", "neutral_hue": "gray", "radius_size": "md"}


class Origin(Base):
    """Gradio 4's look: soft orange gradient buttons with orange text."""

    DEFAULTS = {"primary_hue": "orange", "secondary_hue": "blue", "neutral_hue": "gray"}
    THEME_LIGHT = {
        "button_primary_background_fill": "linear-gradient(to bottom right, *primary_100, *primary_300)",
        "button_primary_background_fill_hover": "linear-gradient(to bottom right, *primary_100, *primary_200)",
        "button_primary_text_color": "*primary_600",
        "button_primary_border_color": "*primary_200",
        "button_secondary_background_fill": "linear-gradient(to bottom right, *neutral_100, *neutral_200)",
        "background_fill_secondary": "*neutral_50",
    }
    THEME_DARK = {
        "button_primary_background_fill": "linear-gradient(to bottom right, *primary_500, *primary_600)",
        "button_primary_background_fill_hover": "linear-gradient(to bottom right, *primary_500, *primary_500)",
        "button_primary_text_color": "white",
        "button_primary_border_color": "*primary_600",
        "button_secondary_background_fill": "linear-gradient(to bottom right, *neutral_600, *neutral_700)",
    }


class Soft(Base):
    """Indigo, rounded, borderless blocks on a light gray page."""

    DEFAULTS = {"primary_hue": "indigo", "secondary_hue": "indigo", "neutral_hue": "gray", "radius_size": "lg",
                "font": ("Montserrat", *SYSTEM_SANS)}
    THEME_LIGHT = {
        "body_background_fill": "*neutral_50",
        "block_border_width": "0px",
        "block_shadow": "0 1px 3px rgb(0 0 0 / 0.08)",
        "block_label_background_fill": "*primary_100",
        "block_label_text_color": "*primary_600",
        "input_background_fill": "*neutral_100",
        "button_primary_background_fill": "*primary_200",
        "button_primary_background_fill_hover": "*primary_300",
        "button_primary_text_color": "*primary_700",
        "button_primary_border_color": "*primary_200",
        "button_secondary_background_fill": "*neutral_200",
        "checkbox_label_background_fill_selected": "*primary_100",
    }
    THEME_DARK = {
        "body_background_fill": "*neutral_950",
        "block_label_background_fill": "*primary_800",
        "block_label_text_color": "*primary_200",
        "input_background_fill": "*neutral_800",
        "button_primary_background_fill": "*primary_600",
        "button_primary_background_fill_hover": "*primary_500",
        "button_primary_text_color": "white",
        "button_primary_border_color": "*primary_600",
    }


class Monochrome(Base):
    """Black and white: dark primary buttons, small radii, no colour."""

    DEFAULTS = {"primary_hue": "neutral", "secondary_hue": "neutral", "neutral_hue": "neutral", "radius_size": "sm",
                "font": ("Quicksand", *SYSTEM_SANS)}
    THEME_LIGHT = {
        "color_accent": "*neutral_900",
        "button_primary_background_fill": "*neutral_900",
        "button_primary_background_fill_hover": "*neutral_700",
        "button_primary_border_color": "*neutral_900",
        "button_primary_text_color": "white",
        "slider_color": "*neutral_900",
        "checkbox_background_color_selected": "*neutral_900",
        "link_text_color": "*neutral_900",
    }
    THEME_DARK = {
        "color_accent": "*neutral_100",
        "button_primary_background_fill": "*neutral_100",
        "button_primary_background_fill_hover": "*neutral_300",
        "button_primary_border_color": "*neutral_100",
        "button_primary_text_color": "*neutral_900",
        "slider_color": "*neutral_100",
        "checkbox_background_color_selected": "*neutral_100",
        "link_text_color": "*neutral_100",
    }


class Glass(Base):
    """Stone hues with glossy gradients."""

    DEFAULTS = {"primary_hue": "stone", "secondary_hue": "stone", "neutral_hue": "stone", "radius_size": "sm",
                "font": ("Optima", "Candara", "Noto Sans", *SYSTEM_SANS)}
    THEME_LIGHT = {
        "body_background_fill": "linear-gradient(180deg, *primary_50 0%, *primary_100 100%)",
        "block_background_fill": "color-mix(in srgb, white 80%, transparent)",
        "block_shadow": "inset 0 1px 0 rgb(255 255 255 / 0.6), 0 1px 3px rgb(0 0 0 / 0.08)",
        "button_primary_background_fill": "linear-gradient(180deg, *primary_50 0%, *primary_200 50%, *primary_300 50%, *primary_200 100%)",
        "button_primary_background_fill_hover": "linear-gradient(180deg, *primary_100 0%, *primary_200 50%, *primary_300 50%, *primary_200 100%)",
        "button_primary_text_color": "*primary_800",
        "button_primary_border_color": "*primary_300",
        "button_secondary_background_fill": "linear-gradient(180deg, *neutral_50 0%, *neutral_100 50%, *neutral_200 50%, *neutral_100 100%)",
    }
    THEME_DARK = {
        "body_background_fill": "linear-gradient(180deg, *primary_900 0%, *primary_950 100%)",
        "block_background_fill": "color-mix(in srgb, *neutral_900 85%, transparent)",
        "button_primary_background_fill": "linear-gradient(180deg, *primary_600 0%, *primary_700 50%, *primary_800 50%, *primary_700 100%)",
        "button_primary_background_fill_hover": "linear-gradient(180deg, *primary_500 0%, *primary_600 50%, *primary_700 50%, *primary_600 100%)",
        "button_primary_text_color": "*primary_50",
        "button_primary_border_color": "*primary_600",
        "button_secondary_background_fill": "linear-gradient(180deg, *neutral_600 0%, *neutral_700 50%, *neutral_800 50%, *neutral_700 100%)",
    }


class Ocean(Base):
    """Blue and cyan gradients."""

    DEFAULTS = {"primary_hue": "blue", "secondary_hue": "cyan", "neutral_hue": "zinc", "radius_size": "md"}
    THEME_LIGHT = {
        "button_primary_background_fill": "linear-gradient(120deg, *secondary_500 0%, *primary_300 60%, *primary_400 100%)",
        "button_primary_background_fill_hover": "linear-gradient(120deg, *secondary_400 0%, *primary_300 60%, *primary_300 100%)",
        "button_primary_text_color": "white",
        "button_primary_border_color": "transparent",
        "button_secondary_background_fill": "linear-gradient(120deg, *neutral_300 0%, *neutral_100 60%, *neutral_200 100%)",
        "slider_color": "*secondary_500",
        "checkbox_background_color_selected": "*secondary_500",
    }
    THEME_DARK = {
        "button_primary_background_fill": "linear-gradient(120deg, *secondary_600 0%, *primary_500 60%, *primary_600 100%)",
        "button_secondary_background_fill": "linear-gradient(120deg, *neutral_700 0%, *neutral_600 60%, *neutral_700 100%)",
    }


class Citrus(Base):
    """Warm amber accents with lime highlights and raised buttons."""

    DEFAULTS = {"primary_hue": "amber", "secondary_hue": "lime", "neutral_hue": "stone", "radius_size": "md"}
    THEME_LIGHT = {
        "button_primary_background_fill": "*primary_400",
        "button_primary_background_fill_hover": "*primary_300",
        "button_primary_text_color": "*neutral_900",
        "button_primary_border_color": "*primary_500",
        "button_secondary_background_fill": "*secondary_100",
        "button_secondary_background_fill_hover": "*secondary_200",
        "button_secondary_border_color": "*secondary_200",
        "block_label_background_fill": "*primary_100",
        "block_label_text_color": "*primary_800",
    }
    THEME_DARK = {
        "button_primary_background_fill": "*primary_500",
        "button_secondary_background_fill": "*neutral_700",
        "button_secondary_border_color": "*neutral_600",
        "block_label_background_fill": "*primary_800",
        "block_label_text_color": "*primary_100",
    }


BUILT_IN: dict[str, type[Base]] = {cls.__name__.lower(): cls for cls in (Base, Default, Origin, Soft, Monochrome, Glass, Ocean, Citrus)}


"""gr.DownloadButton: a button that downloads its file (a path or bytes the app gave it) in the page."""

from __future__ import annotations

from typing import Any

from ..component import Component
from ..files import returned_file
from .button import SIZES, VARIANTS, icon_url


class DownloadButton(Component):
    """Clicking saves the value's file under its own name, and fires `click`. Its label is the button text."""

    EVENTS = ("change", "click")
    PROPS = ("variant", "size", "icon")

    def __init__(
        self,
        label: str = "Download",
        value: Any = None,
        *,
        variant: str = "secondary",
        size: str = "lg",
        icon: str | None = None,
        interactive: bool = True,  # Gradio: a button stays clickable even as an output
        min_width: int | None = None,
        **kwargs: Any,
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"DownloadButton variant must be one of {VARIANTS}, not {variant!r}")
        if size not in SIZES:
            raise ValueError(f"DownloadButton size must be one of {SIZES}, not {size!r}")
        self.variant = variant
        self.size = size
        self.icon = icon_url(icon)
        super().__init__(value, label=label, interactive=interactive, min_width=min_width, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "downloadbutton"

    def preprocess(self, payload: Any) -> str | None:
        """The path of the file the button holds (Gradio passes the path)."""
        if payload is None:
            return None
        return payload.get("path") if isinstance(payload, dict) else None

    def postprocess(self, value: Any) -> Any:
        return None if value is None else returned_file(value, self.display_name())

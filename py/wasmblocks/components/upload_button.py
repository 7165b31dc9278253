"""gr.UploadButton: a button that opens the file picker; the function gets the uploaded paths (or bytes)."""

from __future__ import annotations

from typing import Any

from ..component import Component
from .button import SIZES, VARIANTS, icon_url
from .file import check_file_options, postprocess_files, preprocess_files


class UploadButton(Component):
    """Click to choose files; `upload` fires once they are in the worker. Its label is the button text."""

    EVENTS = ("change", "click", "upload")
    PROPS = ("file_count", "file_types", "type", "variant", "size", "icon")

    def __init__(
        self,
        label: str = "Upload a File",
        value: Any = None,
        *,
        variant: str = "secondary",
        size: str = "lg",
        icon: str | None = None,
        type: str = "filepath",  # noqa: A002 - Gradio's parameter name
        file_count: str = "single",
        file_types: list[str] | None = None,
        interactive: bool = True,  # Gradio: a button stays clickable even as an output
        min_width: int | None = None,
        **kwargs: Any,
    ) -> None:
        check_file_options(file_count, type)
        if variant not in VARIANTS:
            raise ValueError(f"UploadButton variant must be one of {VARIANTS}, not {variant!r}")
        if size not in SIZES:
            raise ValueError(f"UploadButton size must be one of {SIZES}, not {size!r}")
        self.variant = variant
        self.size = size
        self.icon = icon_url(icon)
        self.type = type
        self.file_count = file_count
        self.file_types = file_types
        super().__init__(value, label=label, interactive=interactive, min_width=min_width, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "uploadbutton"

    def preprocess(self, payload: Any) -> Any:
        return preprocess_files(payload, self.file_count, self.type, self.file_types, self.display_name())

    def postprocess(self, value: Any) -> Any:
        return postprocess_files(value, self.file_count, self.display_name())

"""gr.Button and its kin: ClearButton, DuplicateButton, DeepLinkButton."""

from __future__ import annotations

import base64
import mimetypes
import os
from pathlib import Path
from typing import Any, ClassVar

from ..alerts import Error
from ..component import Component

VARIANTS = ("primary", "secondary", "stop", "huggingface", "huge")
SIZES = ("sm", "md", "lg")
LINK_TARGETS = ("_self", "_blank", "_parent", "_top")
LINK_ICON = str(Path(__file__).resolve().parent.parent / "icons" / "link.svg")  # DeepLinkButton's, as Gradio's


def icon_url(icon: Any) -> str | None:
    """A URL the page can show: URLs pass through; a file becomes a data: URL (there is no file server)."""
    if icon is None:
        return None
    path = str(os.fspath(icon))
    if path.startswith(("http://", "https://", "data:", "blob:", "/")) and not os.path.isfile(path):
        return path
    if not os.path.isfile(path):
        raise Error(f"Button icon {path!r} is neither a URL nor a file")
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    with open(path, "rb") as handle:
        return f"data:{mime};base64,{base64.b64encode(handle.read()).decode('ascii')}"


# Read at import, while the package's files are where `__file__` says: a module imported into the Pyodide
# memory snapshot keeps its snapshot-time path, but the files are unpacked elsewhere on boot
# (web/src/worker/boot.ts), so reading LINK_ICON later fails and the page asked the server for it (a 404).
LINK_ICON_DATA = icon_url(LINK_ICON) or LINK_ICON


class Button(Component):
    """A button; its value is its text."""

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "click")
    PROPS: ClassVar[tuple[str, ...]] = ("variant", "size", "icon", "link", "link_target")  # extended by subclasses

    def __init__(
        self,
        value: Any = "Run",
        *,
        variant: str = "secondary",
        size: str = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: str = "_self",
        interactive: bool = True,
        min_width: int | None = None,
        **kwargs: Any,
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"Button variant must be one of {VARIANTS}, not {variant!r}")
        if size not in SIZES:
            raise ValueError(f"Button size must be one of {SIZES}, not {size!r}")
        self.variant = variant
        self.size = size
        self.icon = icon_url(icon)
        self.link = link
        if link_target not in LINK_TARGETS:
            raise ValueError(f"Button link_target must be one of {LINK_TARGETS}, not {link_target!r}")
        self.link_target = link_target
        super().__init__(value, interactive=interactive, min_width=min_width, **kwargs)

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        if props.get("icon") is not None:
            props = {**props, "icon": icon_url(props["icon"])}
        return props

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)


class ClearButton(Button):
    """A button that empties the components given to it (and any added later with .add)."""

    def __init__(
        self,
        components: Any = None,
        *,
        value: str = "Clear",
        variant: str = "secondary",
        api_name: str | None = None,
        api_visibility: str = "undocumented",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, variant=variant, **kwargs)
        # Gradio's: the name and visibility of the clearing event in the app's API.
        self.api_name = api_name
        self.api_visibility = api_visibility
        self.add(components)

    @classmethod
    def get_block_name(cls) -> str:
        return "button"

    def add(self, components: Any) -> ClearButton:
        """Also clear these components when clicked."""
        if components is None:
            return self
        targets = list(components) if isinstance(components, (list, tuple, set)) else [components]
        if targets:
            self.click(
                lambda: tuple(c.empty_value() for c in targets) if len(targets) > 1 else targets[0].empty_value(),
                inputs=None,
                outputs=targets,
                show_progress="hidden",
                api_name=self.api_name,
                api_visibility=self.api_visibility,
                queue=False,
            )
        return self


class DuplicateButton(Button):
    """Duplicating a Space means nothing here: rendered as a plain button, kept so apps run."""

    def __init__(
        self, value: str = "Duplicate Space", *, variant: str = "huggingface", size: str = "sm",
        scale: int | None = 0, **kwargs: Any,
    ) -> None:
        super().__init__(value, variant=variant, size=size, scale=scale, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "button"


class DeepLinkButton(Button):
    """Copies a link that reopens the app with its current values.

    Gradio's link names a snapshot of the session kept on its server; with no server, the values the visitor
    or events changed travel in the link's `?deep_link=` (web/src/client/deep-link.ts). Values holding files
    and gr.State values are left out: they exist only in the tab that made the link.
    """

    PROPS = (*Button.PROPS, "copied_value")

    def __init__(
        self,
        value: str = "Share via Link",
        copied_value: str = "Link Copied!",
        *,
        variant: str = "secondary",
        size: str = "lg",
        icon: str | Path | None = LINK_ICON,
        **kwargs: Any,
    ) -> None:
        self.copied_value = copied_value
        if icon is not None and str(icon) == LINK_ICON:
            icon = LINK_ICON_DATA
        super().__init__(value, variant=variant, size=size, icon=None if icon is None else str(icon), **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "deeplinkbutton"

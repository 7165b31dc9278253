"""gr.Button and gr.ClearButton."""

from __future__ import annotations

from typing import Any

from ..component import Component


class Button(Component):
    """A button; its value is its text."""

    EVENTS = ("click",)
    PROPS = ("variant", "size", "icon", "link")

    def __init__(
        self,
        value: Any = "Run",
        *,
        variant: str = "secondary",
        size: str = "lg",
        icon: str | None = None,
        link: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.variant = variant
        self.size = size
        self.icon = icon
        self.link = link
        kwargs.setdefault("min_width", None)
        super().__init__(value, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)


class ClearButton(Button):
    """A button that empties the components given to it (and any added later with .add)."""

    def __init__(self, components: Any = None, *, value: str = "Clear", variant: str = "secondary", **kwargs: Any) -> None:
        super().__init__(value, variant=variant, **kwargs)
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
                api_name=False,
                queue=False,
            )
        return self


class DuplicateButton(Button):
    """Duplicating a Space means nothing here: rendered as a plain button, kept so apps run."""

    def __init__(self, value: str = "Duplicate Space", **kwargs: Any) -> None:
        super().__init__(value, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "button"

"""The base of every component: value, label, interactivity, and the pre/postprocess pair."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from typing import Any, ClassVar

from .block import Block
from .files import initial_value


class Component(Block):
    """A block with a value. Subclasses declare EVENTS and override preprocess/postprocess."""

    # Kinds of blocks whose value lives in the worker only (gr.State): the page never sees it.
    STATEFUL: ClassVar[bool] = False
    # An empty input (None) of this kind needs none of its needed_packages (processing.load_needed_packages).
    EMPTY_NEEDS_NO_PACKAGES: ClassVar[bool] = False
    # Kinds Gradio's config gives a value even when the constructor's is None (Slider: its minimum).
    FILLS_UNSET_VALUE: ClassVar[bool] = False

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int | None = None,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        every: Any = None,  # seconds, or a gr.Timer whose ticks recompute the value
        inputs: Any = None,
    ) -> None:
        self.label = label
        self.info = info
        self.show_label = True if show_label is None else show_label
        self.container = container
        self.scale = scale
        self.min_width = min_width
        self.interactive = interactive
        self.every = every
        # A callable value is evaluated per page load (Gradio: "value can be a function").
        self.load_fn: Callable[..., Any] | None = value if callable(value) else None
        self.load_inputs = inputs
        with initial_value():
            self.value = None if callable(value) else self.postprocess(value)
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         preserved_by_key=preserved_by_key)

    # ---- the page's view ----
    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props.update(
            label=self.label,
            info=self.info,
            show_label=self.show_label,
            container=self.container,
            scale=self.scale,
            min_width=self.min_width,
            interactive=self.interactive,
            value=self.initial_value(),
        )
        if "buttons" in props:
            from .components.buttons import buttons_config  # components import this module

            props["buttons"] = buttons_config(props["buttons"])
        return props

    def initial_value(self) -> Any:
        """The value the page starts with (postprocessed)."""
        if self.load_fn is not None:
            # With inputs=, the value needs them: a load listener fills it once the page is up.
            return None if self.load_inputs is not None else self.postprocess(self.load_fn())
        return copy.deepcopy(self.value)

    def value_unset(self) -> bool:
        """Whether Gradio's config leaves this component's value out (its constructor's value is None).

        A @gr.render re-run then keeps the value the page shows in the same place (render.py).
        """
        if self.load_fn is not None or self.FILLS_UNSET_VALUE or self.STATEFUL:
            return False
        if "value" in self._explicit_args:
            return self._explicit_args["value"] is None
        param = inspect.signature(type(self).__init__).parameters.get("value")
        return param is None or param.default is None

    # ---- values ----
    def preprocess(self, payload: Any) -> Any:
        """Turn the page's value into what the user's function receives. Raise Error on bad input."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """Turn what the user's function returned into the value the page shows."""
        return value

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """Normalise prop updates (e.g. choices); "value" has already been postprocessed."""
        return props

    def empty_value(self) -> Any:
        """What ClearButton sets (before postprocess)."""
        return None

    def display_name(self) -> str:
        """How error messages name this component."""
        # No id yet while __init__ postprocesses the initial value (an error there still needs a name).
        return (
            f'{type(self).__name__} "{self.label}"'
            if self.label
            else f"{type(self).__name__} #{getattr(self, '_id', '?')}"
        )

    def api_example(self) -> Any:
        return self.initial_value()

    # ---- flagging (gr.CSVLogger and other FlaggingCallbacks call these) ----
    def flag(self, payload: Any, flag_dir: str = "") -> str:
        """The page's value as CSV text; its files are copied below flag_dir first, as Gradio does."""
        import json

        from .files import copy_files_into

        payload = copy_files_into(payload, str(flag_dir or "."))
        return payload if isinstance(payload, str) else json.dumps(payload)

    def read_from_flag(self, payload: Any) -> Any:
        """A value flag() wrote, back as the page's value (JSON objects and lists are parsed)."""
        import json

        if isinstance(payload, str) and payload.startswith(("{", "[")):
            try:
                return json.loads(payload)
            except ValueError:
                return payload
        return payload


class FormComponent(Component):
    """Marker base for form inputs (Gradio groups consecutive ones into a Form)."""

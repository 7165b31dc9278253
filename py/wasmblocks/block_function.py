"""One dependency as the app declared it: a function wired to triggers, inputs and outputs."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import protocol

# Gradio's concurrency_limit="default": the limit set with demo.queue(default_concurrency_limit=…).
DEFAULT_LIMIT = "default"


@dataclass
class BlockFunction:
    """One dependency: a function wired to triggers, inputs and outputs (what `btn.click(…)` records)."""

    id: int
    fn: Callable[..., Any] | None
    targets: list[tuple[int, str]]
    inputs: list[Any]
    outputs: list[Any]
    inputs_as_dict: bool = False
    js: str | None = None
    api_name: str | None = None
    show_progress: protocol.ShowProgress = "full"
    show_progress_on: list[Any] | None = None
    queue: bool = True
    preprocess: bool = True
    postprocess: bool = True
    concurrency_limit: int | str | None = DEFAULT_LIMIT
    concurrency_id: str | None = None
    trigger_mode: protocol.TriggerMode = "once"
    trigger_after: int | None = None
    trigger_only_on_success: bool = False
    trigger_only_on_failure: bool = False
    cancels: list[int] = field(default_factory=list)
    every: float | None = None
    time_limit: float | None = None
    stream_every: float = 0.5
    scroll_to_output: bool = False
    batch: bool = False
    max_batch_size: int = 4
    is_cancel_function: bool = False
    # Gradio's: "public" (listed by view_api), "undocumented" (callable, not listed), "private" (not callable).
    api_visibility: protocol.ApiVisibility = "public"
    # A string describes the endpoint in the API view; None: the function's docstring; False: no description.
    api_description: str | bool | None = None
    # inputs_kwargs=: the last len(…) inputs go to the function as these keyword arguments (Gradio 6).
    input_keyword_names: list[str] = field(default_factory=list)
    # validator=: runs with the same inputs first; a failed gr.validate stops the event (validators.py).
    validator: Callable[..., Any] | None = None

    @property
    def show_api(self) -> bool:
        """Whether view_api lists this endpoint."""
        return self.api_visibility == "public"

    @property
    def is_generator(self) -> bool:
        fn = self.fn
        return inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)

    @property
    def component_prop_inputs(self) -> list[int]:
        """Inputs whose parameter is annotated with a component class (`def f(a: gr.Audio)`): Gradio hands the
        function the component's props with its value, so the page sends them along (playback_position…)."""
        return [] if self.inputs_as_dict else component_prop_inputs(self.fn, len(self.inputs))

    def config(self) -> protocol.Dependency:
        """The page's view of this dependency."""
        dep = self._config()
        if props := self.component_prop_inputs:
            dep["component_prop_inputs"] = props
        return dep

    def _config(self) -> protocol.Dependency:
        return {
            "id": self.id,
            "targets": list(self.targets),
            "inputs": [b.id for b in self.inputs],
            "outputs": [b.id for b in self.outputs],
            "backend_fn": self.fn is not None,
            "js": self.js,
            "trigger_after": self.trigger_after,
            "trigger_only_on_success": self.trigger_only_on_success,
            "trigger_only_on_failure": self.trigger_only_on_failure,
            "cancels": list(self.cancels),
            "trigger_mode": self.trigger_mode,
            "show_progress": self.show_progress,
            "queue": self.queue,
            "api_name": self.api_name,
            "api_visibility": self.api_visibility,
            "scroll_to_output": self.scroll_to_output,
            "show_progress_on": [b.id for b in self.show_progress_on] if self.show_progress_on else None,
            "every": self.every,
            "time_limit": self.time_limit,
            "stream_every": self.stream_every,
            "types": {"generator": self.is_generator, "cancel": self.is_cancel_function},
        }


def component_prop_inputs(fn: Callable[..., Any] | None, count: int) -> list[int]:
    """Positions (among the first `count` parameters, as Gradio counts them) annotated with a component class."""
    from .component import Component  # component.py sits above this module in the tree

    try:
        parameters = list(inspect.signature(fn).parameters.items()) if fn is not None else []
        hints = typing.get_type_hints(fn) if fn is not None else {}
    except Exception:  # a builtin, or string annotations that do not resolve: no component parameters
        return []
    return [i for i, (name, p) in enumerate(parameters[:count])
            if isinstance(a := hints.get(name, p.annotation), type) and issubclass(a, Component)]

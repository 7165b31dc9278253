"""gr.Interface and gr.TabbedInterface: a whole app from `fn, inputs, outputs`, laid out as Gradio does.

Layout (Gradio 5): title and description, then a Row with the inputs (and Clear/Submit buttons) in one
panel column and the outputs in another, then the examples, then the article.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, ClassVar, cast

from .blocks import Blocks
from .component import Component
from .components.button import Button, ClearButton
from .components.markdown import Markdown
from .layouts.accordion import Accordion
from .layouts.column import Column
from .layouts.row import Row
from .layouts.tabs import Tab, Tabs
from .listeners import listen
from .types import BlockRef
from .updates import update

_COMPONENTS_PACKAGE = Component.__module__.rpartition(".")[0] + ".components."
# Gradio's string shortcuts that are not simply a component's class name, lower-cased.
_SHORTCUT_ARGS: dict[str, tuple[str, dict[str, Any]]] = {
    "text": ("textbox", {}),
    "textarea": ("textbox", {"lines": 7}),
    "checkboxgroup": ("checkboxgroup", {}),
}


def _component_classes() -> dict[str, type[Component]]:
    """Every component class of the package by lower-cased name (what "textbox", "image" mean).

    Found as subclasses of Component defined in wasmblocks.components (an app's own subclasses are not
    shortcuts); every such module is imported by the time an app runs (`import gradio` imports them all).
    """
    found: dict[str, type[Component]] = {}
    pending: list[type[Component]] = [Component]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith(_COMPONENTS_PACKAGE) and not cls.__name__.startswith("_"):
            found.setdefault(cls.__name__.lower(), cls)
    return found


def component(spec: Any, role: str) -> Component:
    """An Interface input/output: a component instance as given, or one made from a shortcut string."""
    if isinstance(spec, Component):
        return spec
    if not isinstance(spec, str):
        raise TypeError(f"Interface {role}s are components or shortcut strings such as 'text', not {spec!r}")
    key = spec.strip().lower()
    name, kwargs = _SHORTCUT_ARGS.get(key, (key, {}))
    classes = _component_classes()
    if name not in classes:
        known = ", ".join(sorted({*classes, *_SHORTCUT_ARGS}))
        raise ValueError(f"Unknown component shortcut {spec!r} for an Interface {role}; use one of: {known}")
    return classes[name](render=False, **kwargs)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _title(text: str) -> None:
    Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{text}</h1>", elem_classes="wb-interface-title")


class Interface(Blocks):
    """`gr.Interface(fn, inputs, outputs)`: the function with a UI around it.

    `flagging_mode` is accepted and always off (there is no server to store flags).
    """

    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "flagging_mode": "differs: accepted, but flagging is always off (flags are not stored yet)",
    }

    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: Any,
        outputs: Any,
        examples: Any = None,
        *,
        cache_examples: bool | str | None = None,
        examples_per_page: int = 10,
        example_labels: list[str] | None = None,
        live: bool = False,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        theme: Any = None,
        flagging_mode: str | None = None,
        flagging_options: Any = None,
        flagging_dir: str | None = None,
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        analytics_enabled: bool | None = None,
        batch: bool = False,
        max_batch_size: int = 4,
        api_name: str | None = "predict",
        submit_btn: str | Button = "Submit",
        stop_btn: str | Button = "Stop",
        clear_btn: str | Button | None = "Clear",
        show_progress: str = "full",
        concurrency_limit: int | str | None = "default",
        additional_inputs: Any = None,
        additional_inputs_accordion: str | Accordion | None = None,
        fill_width: bool = False,
        **kwargs: Any,
    ) -> None:
        if not callable(fn):
            raise TypeError(f"Interface fn must be callable, got {fn!r}")
        super().__init__(theme=theme, title=title or "Gradio", css=css, js=js, head=head, fill_width=fill_width,
                         mode="interface", **kwargs)
        self.fn = fn
        self.live = live
        self.flagging_mode = "never"  # accepted for compatibility; flagging needs a server
        self.input_components = [component(c, "input") for c in _as_list(inputs)]
        self.additional_input_components = [component(c, "input") for c in _as_list(additional_inputs)]
        self.output_components = [component(c, "output") for c in _as_list(outputs)]
        self.examples = examples
        _default_labels(fn, self.input_components + self.additional_input_components, self.output_components)
        given_in, given_out = _as_list(inputs), _as_list(outputs)
        # "Unified": the very same component objects are the inputs and the outputs (not equal shortcut strings).
        if given_in and len(given_in) == len(given_out) and all(
            isinstance(a, Component) and a is b for a, b in zip(given_in, given_out)
        ):
            self.interface_type = "unified"
        elif not self.input_components and not self.additional_input_components:
            self.interface_type = "output_only"
        elif not self.output_components:
            self.interface_type = "input_only"
        else:
            self.interface_type = "standard"
        listen_kwargs = {"api_name": api_name, "batch": batch, "max_batch_size": max_batch_size,
                         "show_progress": show_progress, "concurrency_limit": concurrency_limit}
        with self:
            if title:
                _title(title)
            if description:
                Markdown(description, elem_classes="wb-interface-description")
            submit: Button | None = None
            clear: ClearButton | None = None
            stop: Button | None = None
            all_inputs = self.input_components + self.additional_input_components
            outputs_ = self.output_components if self.interface_type != "unified" else self.input_components
            with Row(equal_height=False):
                if self.interface_type in ("standard", "input_only", "unified"):
                    with Column(variant="panel", scale=1):
                        for c in self.input_components:
                            c.render()
                        if self.additional_input_components:
                            label = (
                                additional_inputs_accordion
                                if isinstance(additional_inputs_accordion, str)
                                else "Additional Inputs"
                            )
                            with Accordion(label, open=False):
                                for c in self.additional_input_components:
                                    c.render()
                        with Row():
                            if clear_btn is not None and self.interface_type != "unified":
                                clear = cast(ClearButton, _button(clear_btn, ClearButton, "secondary"))
                            if not live:
                                submit = _button(submit_btn, Button, "primary")
                                if self._streams and stop_btn:
                                    # Shown in place of Submit while a generator streams, as in Gradio.
                                    stop = _button(stop_btn, Button, "stop")
                                    stop.visible = False
                            if clear_btn is not None and self.interface_type == "unified":
                                clear = cast(ClearButton, _button(clear_btn, ClearButton, "secondary"))
                if self.interface_type in ("standard", "output_only"):
                    with Column(variant="panel", scale=1):
                        for c in self.output_components:
                            c.render()
                        if self.interface_type == "output_only":
                            submit = _button(submit_btn if submit_btn != "Submit" else "Generate", Button, "primary")
            self._attach_events(submit, all_inputs, outputs_, listen_kwargs, stop)
            if clear is not None:
                clear.add(all_inputs + (self.output_components if self.interface_type != "unified" else []))
            if examples:
                from .components.examples import Examples

                Examples(examples, inputs=all_inputs, outputs=outputs_, fn=fn, cache_examples=cache_examples,
                         examples_per_page=examples_per_page, example_labels=example_labels)
            if article:
                Markdown(article, elem_classes="wb-interface-article")

    @property
    def _streams(self) -> bool:
        return inspect.isgeneratorfunction(self.fn) or inspect.isasyncgenfunction(self.fn)

    def _attach_events(self, submit: Button | None, inputs: list[Component], outputs: list[Component],
                       listen_kwargs: dict[str, Any], stop: Button | None = None) -> None:
        if self.live:
            triggers: list[tuple[BlockRef, str]] = [(c, "change") for c in inputs if "change" in c.EVENTS]
            if not triggers:
                triggers = [(self, "load")]
            listen(self, triggers, self.fn, inputs, outputs, trigger_mode="always_last", **listen_kwargs)
            return
        # Gradio also submits on Enter in inputs that have a submit event (Textbox).
        triggers = [(submit, "click")] if submit is not None else []
        triggers += [(c, "submit") for c in inputs if "submit" in getattr(c, "EVENTS", ())]
        if not triggers:
            return
        run = listen(self, triggers, self.fn, inputs, outputs, **listen_kwargs)
        if stop is not None and submit is not None:
            quiet: dict[str, Any] = {"queue": False, "show_progress": "hidden", "api_name": False}

            def buttons(running: bool) -> tuple[dict[str, Any], dict[str, Any]]:
                return update(visible=not running), update(visible=running)

            listen(self, triggers, lambda: buttons(True), None, [submit, stop], **quiet)
            run.then(lambda: buttons(False), None, [submit, stop], **quiet)
            # A cancelled event runs no .then, so Stop puts the buttons back itself.
            stop.click(lambda: buttons(False), None, [submit, stop], cancels=[run], **quiet)

    def __repr__(self) -> str:
        name = getattr(self.fn, "__name__", "fn")
        return f"Interface(fn={name}, inputs={len(self.input_components)}, outputs={len(self.output_components)})"


def _default_labels(fn: Callable[..., Any], inputs: list[Component], outputs: list[Component]) -> None:
    """Gradio labels unlabelled inputs by the function's parameter names and outputs "output" / "output N"."""
    try:
        params = [p.name for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)]
    except (TypeError, ValueError):
        params = []
    for block, name in zip(inputs, params):
        if getattr(block, "label", "") is None:
            block.label = name
    for i, block in enumerate(outputs):
        if getattr(block, "label", "") is None:
            block.label = "output" if len(outputs) == 1 else f"output {i}"


def _button(spec: str | Button, cls: type[Button], variant: str) -> Button:
    if isinstance(spec, Button):
        return spec.render()
    return cls(value=spec, variant=variant) if cls is ClearButton else cls(spec, variant=variant)


class TabbedInterface(Blocks):
    """`gr.TabbedInterface([io1, io2], ["Tab A", "Tab B"])`: several Interfaces (or Blocks), one per tab."""

    def __init__(
        self,
        interface_list: list[Blocks],
        tab_names: list[str] | None = None,
        title: str | None = None,
        theme: Any = None,
        analytics_enabled: bool | None = None,
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        **kwargs: Any,
    ) -> None:
        if not interface_list or not all(isinstance(i, Blocks) for i in interface_list):
            raise TypeError("TabbedInterface takes a non-empty list of gr.Interface or gr.Blocks")
        names = list(tab_names) if tab_names else [f"Tab {i}" for i in range(len(interface_list))]
        if len(names) != len(interface_list):
            raise ValueError(f"TabbedInterface got {len(interface_list)} interfaces but {len(names)} tab names")
        super().__init__(
            theme=theme, title=title or "Gradio", css=css, js=js, head=head, mode="tabbed_interface", **kwargs
        )
        with self:
            if title:
                _title(title)
            with Tabs():
                for interface, name in zip(interface_list, names):
                    with Tab(label=name):
                        interface.render()


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
from .components.button import Button, ClearButton, DeepLinkButton
from .components.download_button import DownloadButton
from .components.markdown import Markdown
from .flagging import CSVLogger, FlaggingCallback, FlagMethod, show_saved_flags
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
    "checkboxgroup": ("checkboxgroup", {}),
}
# Gradio's templates (templates.py) are shortcuts too: "textarea", "microphone", "playable_video".
_SHORTCUT_MODULES = (_COMPONENTS_PACKAGE, Component.__module__.rpartition(".")[0] + ".templates")


def component_classes() -> dict[str, type[Component]]:
    """Every component class of the package by lower-cased name (what "textbox", "image" mean).

    Found as subclasses of Component defined in wasmblocks.components (an app's own subclasses are not
    shortcuts); every such module is imported by the time an app runs (`import gradio` imports them all).
    """
    found: dict[str, type[Component]] = {}
    pending: list[type[Component]] = [Component]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith(_SHORTCUT_MODULES) and not cls.__name__.startswith("_"):
            found.setdefault(cls.__name__.lower(), cls)
    return found


def component(spec: Any, role: str) -> Component:
    """An Interface input/output: a component instance as given, or one made from a shortcut string."""
    if isinstance(spec, Component):
        return spec
    if not isinstance(spec, str):
        raise TypeError(f"Interface {role}s are components or shortcut strings such as 'text', not {spec!r}")
    key = spec.strip().lower().replace("_", "")  # Gradio accepts "playable_video" for PlayableVideo
    name, kwargs = _SHORTCUT_ARGS.get(key, (key, {}))
    classes = component_classes()
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

    Flagging works as in Gradio (a Flag button per option, or every submit when "auto"); the flags are
    kept in the browser across reloads and offered to the visitor as a CSV download.
    """

    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "flagging_dir": "differs: a folder in the worker's file system, kept in the browser's IndexedDB "
                        "(per site) so flags survive a reload; a 'Download flags' button hands out the CSV",
        "allow_duplication": "differs: the Duplicate button appears only on Hugging Face Spaces, as in Gradio",
        "cache_mode": "differs: examples are computed when first clicked (no server to cache on at start-up); "
                      "preload_example still shows the preloaded example's result at load",
    }

    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: Any,
        outputs: Any,
        examples: Any = None,
        *,
        cache_examples: bool | str | None = None,
        cache_mode: str | None = None,
        examples_per_page: int = 10,
        example_labels: list[str] | None = None,
        preload_example: int | bool = 0,
        live: bool = False,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        theme: Any = None,
        flagging_mode: str | None = None,
        flagging_options: Any = None,
        flagging_dir: str = ".gradio/flagged",
        flagging_callback: FlaggingCallback | None = None,
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        analytics_enabled: bool | None = None,
        batch: bool = False,
        max_batch_size: int = 4,
        api_visibility: str = "public",
        api_name: str | None = None,
        api_description: str | bool | None = None,
        allow_duplication: bool = False,
        submit_btn: str | Button = "Submit",
        stop_btn: str | Button = "Stop",
        clear_btn: str | Button | None = "Clear",
        show_progress: str = "full",
        concurrency_limit: int | str | None = "default",
        additional_inputs: Any = None,
        additional_inputs_accordion: str | Accordion | None = None,
        fill_width: bool = False,
        time_limit: int | None = 30,
        stream_every: float = 0.5,
        deep_link: str | DeepLinkButton | bool | None = None,
        validator: Callable[..., Any] | None = None,
        **kwargs: Any,
    ) -> None:
        if not callable(fn):
            raise TypeError(f"Interface fn must be callable, got {fn!r}")
        if cache_mode not in (None, "eager", "lazy"):
            raise ValueError(f"Interface cache_mode must be 'eager', 'lazy' or None, not {cache_mode!r}")
        super().__init__(theme=theme, title=title or "Gradio", css=css, js=js, head=head, fill_width=fill_width,
                         mode="interface", **kwargs)
        self.fn = fn
        self.live = live
        self.api_name = api_name
        self.api_description = api_description
        self.api_visibility = api_visibility
        self.allow_duplication = allow_duplication
        self.time_limit = time_limit
        self.stream_every = stream_every
        self.validator = validator
        self.cache_mode = cache_mode
        self.preload_example = preload_example
        self.deep_link = _deep_link(deep_link)
        self.flagging_mode = _flagging_mode(flagging_mode)
        self.flagging_options = _flagging_options(flagging_options)
        self.flagging_dir = flagging_dir
        self.flagging_callback: FlaggingCallback = flagging_callback or CSVLogger()
        self.input_components = [component(c, "input") for c in _as_list(inputs)]
        self.additional_input_components = [component(c, "input") for c in _as_list(additional_inputs)]
        self.output_components = [component(c, "output") for c in _as_list(outputs)]
        self.examples = examples
        self.examples_handler: Any = None  # the gr.Examples below the inputs, when there are examples
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
        if self.interface_type in ("standard", "output_only"):
            for c in self.output_components:
                if c.interactive is None:  # Gradio: outputs are read-only unless said otherwise (flagging reads them)
                    c.interactive = False
        all_inputs = self.input_components + self.additional_input_components
        # What a flag saves: the inputs and outputs (a unified Interface's are the same components).
        self.flag_components = all_inputs + (self.output_components if self.interface_type != "unified" else [])
        if self.flagging_mode != "never" and self.interface_type != "input_only":
            self.flagging_callback.setup(self.flag_components, self.flagging_dir)
        # Gradio names the endpoint after the function ("lambda" for a lambda) unless api_name says otherwise.
        api_name_ = api_name if api_name is not None else getattr(fn, "__name__", "predict")
        if api_name_ == "<lambda>":
            api_name_ = "lambda"
        listen_kwargs = {"api_name": api_name_, "batch": batch, "max_batch_size": max_batch_size,
                         "show_progress": show_progress, "concurrency_limit": concurrency_limit,
                         "time_limit": time_limit, "stream_every": stream_every,
                         "api_visibility": api_visibility, "api_description": api_description,
                         "scroll_to_output": True}
        with self:
            if title:
                _title(title)
            if description:
                Markdown(description, elem_classes="wb-interface-description")
            submit: Button | None = None
            clear: ClearButton | None = None
            stop: Button | None = None
            flag_buttons: list[Button] = []
            self.flag_download: DownloadButton | None = None
            outputs_ = self.output_components if self.interface_type != "unified" else self.input_components
            streams = self._streams
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
                            if self.interface_type != "unified":
                                clear = _clear_button(clear_btn)
                            if not live:
                                if self.deep_link and self.interface_type == "input_only":
                                    self.deep_link.render()
                                submit = _button(submit_btn, Button, "primary")
                                if streams and stop_btn:
                                    # Shown in place of Submit while a generator streams, as in Gradio.
                                    stop = _button(stop_btn, Button, "stop")
                                    stop.visible = False
                            if self.interface_type == "unified":
                                clear = _clear_button(clear_btn)
                                if self.deep_link:
                                    self.deep_link.render()
                                flag_buttons = self._flag_row()
                if self.interface_type in ("standard", "output_only"):
                    with Column(variant="panel", scale=1):
                        for c in self.output_components:
                            c.render()
                        with Row():
                            if self.deep_link:
                                self.deep_link.render()
                            if self.interface_type == "output_only":
                                clear = _clear_button(clear_btn)
                                submit = _button(submit_btn if submit_btn != "Submit" else "Generate", Button,
                                                 "primary")
                                if streams and stop_btn and not live:
                                    stop = _button(stop_btn, Button, "stop")
                                    stop.visible = False
                            flag_buttons = self._flag_row()
            run = self._attach_events(submit, all_inputs, outputs_, listen_kwargs, stop)
            if clear is not None:
                clear.add(all_inputs + (self.output_components if self.interface_type != "unified" else []))
            self._attach_flagging(flag_buttons, clear, run)
            if run is not None and self.deep_link is not None:
                run.then(lambda: update(interactive=True), None, [self.deep_link], queue=False, api_name=False)
            if examples:
                from .components.examples import Examples

                # Gradio's name for it: apps update `interface.examples_handler.dataset`.
                self.examples_handler = Examples(examples, inputs=all_inputs, outputs=outputs_, fn=fn,
                                   cache_examples=cache_examples, cache_mode=cache_mode,
                                   examples_per_page=examples_per_page, example_labels=example_labels,
                                   preload=preload_example)
                # Gradio 6.31 also enables the Share-via-Link button once a clicked cached example has shown its
                # result: the output then holds something worth sharing, as after Submit.
                if self.deep_link is not None and self.examples_handler.cache_event is not None:
                    self.examples_handler.cache_event.then(lambda: update(interactive=True), None, [self.deep_link],
                                                           queue=False, api_name=False)
            if article:
                Markdown(article, elem_classes="wb-interface-article")

    # ---- flagging ----
    def _flag_row(self) -> list[Button]:
        """The Flag buttons (manual mode), and the hidden download of the flags CSV beside them."""
        if self.flagging_mode == "never":
            return []
        buttons = [Button(label) for label, _ in self.flagging_options] if self.flagging_mode == "manual" else []
        # Not in Gradio, whose flags stay on the server: here they are the visitor's, so they can take them.
        self.flag_download = DownloadButton("Download flags", visible=False, elem_classes="wb-flag-download")
        return buttons

    def _attach_flagging(self, buttons: list[Button], clear: ClearButton | None, run: Any) -> None:
        if self.flagging_mode == "never" or self.interface_type == "input_only" or self.flag_download is None:
            return
        quiet: dict[str, Any] = {"queue": False, "api_name": False, "show_progress": "hidden"}
        download = self.flag_download
        self.load(lambda: show_saved_flags(self.flagging_callback, self.flagging_dir), None, [download], **quiet)
        if self.flagging_mode == "auto":
            if run is not None:
                auto = FlagMethod(self.flagging_callback, "", None, visual_feedback=False,
                                  flagging_dir=self.flagging_dir)
                run.success(auto, self.flag_components, [download], preprocess=False, **quiet)
            return
        for button, (label, value) in zip(buttons, self.flagging_options):
            method = FlagMethod(self.flagging_callback, label, value, flagging_dir=self.flagging_dir)
            saving = button.click(lambda: update(value="Saving...", interactive=False), None, [button], **quiet)
            saving.then(method, self.flag_components, [button, download], preprocess=False, **quiet)
            if clear is not None:
                clear.click(method.reset, None, [button], **quiet)

    @property
    def _streams(self) -> bool:
        return inspect.isgeneratorfunction(self.fn) or inspect.isasyncgenfunction(self.fn)

    def _attach_events(self, submit: Button | None, inputs: list[Component], outputs: list[Component],
                       listen_kwargs: dict[str, Any], stop: Button | None = None) -> Any:
        """Wire submit (or live changes) to fn; returns the run's dependency, for flagging and deep links."""
        if self.live:
            if self.interface_type == "output_only":
                # Gradio: a live output-only Interface runs at load, and Generate still runs it again.
                listen(self, [(self.root, "load")], self.fn, None, outputs, **{**listen_kwargs, "api_name": False})
                return listen(self, [(submit, "click")], self.fn, None, outputs, **listen_kwargs) if submit else None
            triggers: list[tuple[BlockRef, str]] = []
            streaming = False
            for c in inputs:
                if "stream" in c.EVENTS and getattr(c, "streaming", False):
                    triggers.append((c, "stream"))
                    streaming = True
                elif "change" in c.EVENTS:
                    triggers.append((c, "change"))
            if not triggers:
                triggers = [(self.root, "load")]
            live_kwargs = {**listen_kwargs, "show_progress": "hidden" if streaming else listen_kwargs["show_progress"],
                           "trigger_mode": "multiple" if streaming else "always_last"}
            return self._run(triggers, inputs, outputs, live_kwargs)
        # Gradio also submits on Enter in inputs that have a submit event (Textbox).
        triggers = [(submit, "click")] if submit is not None else []
        triggers += [(c, "submit") for c in inputs if "submit" in getattr(c, "EVENTS", ())]
        if not triggers:
            return None
        run = self._run(triggers, inputs, outputs, listen_kwargs)
        if stop is not None and submit is not None:
            quiet: dict[str, Any] = {"queue": False, "show_progress": "hidden", "api_name": False}

            def buttons(running: bool) -> tuple[dict[str, Any], dict[str, Any]]:
                return update(visible=not running), update(visible=running)

            listen(self, triggers, lambda: buttons(True), None, [submit, stop], **quiet)
            run.then(lambda: buttons(False), None, [submit, stop], **quiet)
            # A cancelled event runs no .then, so Stop puts the buttons back itself.
            stop.click(lambda: buttons(False), None, [submit, stop], cancels=[run], **quiet)
        return run

    def _run(self, triggers: list[tuple[BlockRef, str]], inputs: list[Component], outputs: list[Component],
             listen_kwargs: dict[str, Any]) -> Any:
        """fn on these triggers; a validator= runs first and shows its messages on the inputs (as Blocks' does)."""
        return listen(self, triggers, self.fn, inputs, outputs, validator=self.validator, **listen_kwargs)

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


def _deep_link(spec: Any) -> DeepLinkButton | None:
    """Gradio's deep_link: True or a label makes a (not yet rendered) Share-via-Link button."""
    if isinstance(spec, DeepLinkButton):
        return spec
    if spec is True:
        return DeepLinkButton(render=False, interactive=False)
    if isinstance(spec, str):
        return DeepLinkButton(value=spec, render=False, interactive=False)
    if spec in (None, False):
        return None
    raise TypeError(f"Interface deep_link must be a bool, a label or a gr.DeepLinkButton, not {spec!r}")


def _flagging_mode(mode: str | None) -> str:
    """Gradio: the parameter, else the GRADIO_FLAGGING_MODE environment variable, else "manual"."""
    import os

    chosen = mode if mode is not None else os.environ.get("GRADIO_FLAGGING_MODE", "manual")
    if chosen not in ("manual", "never", "auto"):
        raise ValueError(f"Interface flagging_mode must be 'auto', 'manual' or 'never', not {chosen!r}")
    return chosen


def _flagging_options(options: Any) -> list[tuple[str, str | None]]:
    """(button label, value stored in the CSV) per Flag button; strings "X" become ("Flag as X", "X")."""
    if options is None:
        return [("Flag", None)]
    if isinstance(options, list) and all(isinstance(o, str) for o in options):
        return [(f"Flag as {o}", o) for o in options]
    if isinstance(options, list) and all(isinstance(o, tuple) and len(o) == 2 for o in options):
        for _, value in options:
            if value is not None and not isinstance(value, str):
                raise TypeError(f"Flagging option value must be a string, not {value!r}")
        return [(str(label), value) for label, value in options]
    raise ValueError("flagging_options must be a list of strings or a list of (label, value) string tuples")


def _clear_button(spec: str | Button | None) -> ClearButton:
    """Gradio always renders Clear (its other buttons reset with it); clear_btn=None only hides it."""
    if spec is None:
        return ClearButton(variant="secondary", visible=False)
    return cast(ClearButton, _button(spec, ClearButton, "secondary"))


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
        analytics_enabled: bool | None = None,
        tabs_kwargs: dict[str, Any] | None = None,
        *,
        theme: Any = None,
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
        if tabs_kwargs is not None and not isinstance(tabs_kwargs, dict):
            raise TypeError(f"TabbedInterface tabs_kwargs must be a dict of gr.Tabs parameters, not {tabs_kwargs!r}")
        kwargs.setdefault("fill_height", True)  # as Gradio's TabbedInterface
        super().__init__(
            theme=theme, title=title or "Gradio", css=css, js=js, head=head, mode="tabbed_interface", **kwargs
        )
        with self:
            if title:
                _title(title)
            with Tabs(**(tabs_kwargs or {})):
                for interface, name in zip(interface_list, names):
                    with Tab(label=name):
                        interface.render()


"""gr.HTML: the app's own HTML, or Gradio 6's templated component (templates, props, js_on_load, children)."""

from __future__ import annotations

import inspect
import re
import types
import warnings
from collections.abc import Callable
from typing import Any, ClassVar

from ..block import BlockContext
from ..component import Component
from ..listeners import make_listener

DEFAULT_JS_ON_LOAD = "element.addEventListener('click', function() { trigger('click') });"
_SCRIPT_TAG = re.compile(r"<script[\s>]", re.IGNORECASE)


def server(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a method of a gr.HTML subclass as callable from its js_on_load as `server.<name>(…)` (Gradio's @server)."""
    fn._is_server_fn = True  # type: ignore[attr-defined]
    return fn


def _warn_if_script(content: Any) -> None:
    """Gradio's warning: a <script> in the HTML never runs (innerHTML does not run scripts); head= and js_on_load do."""
    if isinstance(content, str) and _SCRIPT_TAG.search(content):
        warnings.warn(
            "A <script> tag in a gr.HTML does not run: load libraries with head='<script src=…>' and put the "
            "code that uses them in js_on_load.",
            UserWarning,
            stacklevel=3,
        )


class HTML(Component, BlockContext):
    """HTML shown in the page, or a template filled there with `value` and the extra keyword props.

    `html_template` and `css_template` are JS template strings (`${value}`, `${size}`) run after Handlebars
    (`{{value}}`, `{{#each value}}`); `js_on_load` runs once per mount with `element`, `trigger`, `props`,
    `server`, `upload` and `watch`. Used with `with`, its children render where `@children` is in the template.
    """

    # Gradio 6 gives gr.HTML every event name there is (gradio.events.all_events): any can be fired from
    # js_on_load with trigger(name, data). Other names work too, once they appear in quotes in js_on_load.
    EVENTS = (
        "change", "input", "click", "double_click", "submit", "stop", "edit", "clear", "play", "pause", "end",
        "start_recording", "pause_recording", "stop_recording", "focus", "blur", "upload", "release", "select",
        "stream", "like", "example_select", "option_select", "load", "key_up", "apply", "delete", "tick", "undo",
        "retry", "expand", "collapse", "download", "copy",
    )
    PROPS = ("html_template", "css_template", "js_on_load", "apply_default_css", "min_height", "max_height",
             "padding", "autoscroll", "head", "props", "component_class_name")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "html_template": "differs: the filled HTML is sanitized (no <script>, on…= handlers or <iframe>): "
                         "run code with js_on_load and head",
        "value": "differs: shown sanitized, like html_template",
        "preserved_by_key": "differs: a keyed re-render keeps the value whatever this lists; other props are new",
    }

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        html_template: str = "${value}",
        css_template: str = "",
        js_on_load: str | None = DEFAULT_JS_ON_LOAD,
        apply_default_css: bool = True,
        every: Any = None,
        inputs: Any = None,
        show_label: bool = False,
        scale: int | None = None,
        min_width: int | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        min_height: int | str | None = None,
        max_height: int | str | None = None,
        container: bool = False,
        padding: bool = False,
        autoscroll: bool = False,
        buttons: list[Any] | None = None,
        head: str | None = None,
        server_functions: list[Callable[..., Any]] | None = None,
        **props: Any,
    ) -> None:
        _warn_if_script(html_template)
        self.html_template = html_template
        self.css_template = css_template
        self.js_on_load = js_on_load
        self.apply_default_css = apply_default_css
        self.min_height = min_height
        self.max_height = max_height
        self.padding = padding
        self.autoscroll = autoscroll
        self.head = head
        # Gradio 6: every other keyword argument is a prop the templates and js_on_load read (self.props).
        self.props = props
        keep = preserved_by_key
        self.preserved_by_key = [keep] if isinstance(keep, str) else list(keep or [])
        self.component_class_name = type(self).__name__
        # Gradio unrenders custom buttons: they show in this component's corner, not in the layout.
        self.buttons = [b.unrender() if isinstance(b, Component) else b for b in buttons or []]
        self.server_fns: dict[str, Callable[..., Any]] = self._class_server_fns()
        for fn in server_functions or []:
            name = getattr(fn, "__name__", None)
            if not callable(fn) or not name or not name.isidentifier():
                raise TypeError(f"server_functions takes named functions, not {fn!r}")
            self.server_fns[name] = fn
            setattr(self, name, fn)
        super().__init__(
            value, label=label, every=every, inputs=inputs, show_label=show_label, scale=scale,
            min_width=min_width,  # None: no minimum, as Gradio's HTML
            visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render,
            key=key, container=container,
        )

    def _class_server_fns(self) -> dict[str, Callable[..., Any]]:
        """Methods a subclass marked with @server."""
        found = {}
        for name, member in inspect.getmembers(type(self), callable):
            if getattr(member, "_is_server_fn", False):
                found[name] = getattr(self, name)
        return found

    def __getattr__(self, name: str) -> Any:
        """A custom event: `html.keypress(fn, …)` works once 'keypress' appears in quotes in js_on_load (Gradio 6)."""
        js = self.__dict__.get("js_on_load") or ""
        if not name.startswith("_") and re.search(rf"""['"`]{re.escape(name)}['"`]""", js):
            return types.MethodType(make_listener(name), self)
        raise AttributeError(
            f"{type(self).__name__!r} object has no attribute {name!r}. If {name!r} is a custom event, "
            f"name it (in quotes) in js_on_load, e.g. trigger('{name}')"
        )

    def server_function(self, name: str) -> Callable[..., Any] | None:
        """One of server_functions (or a method marked @server), which js_on_load calls as `server.<name>(…)`."""
        return self.server_fns.get(name)

    # ---- the page's view ----
    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props["server_fns"] = sorted(self.server_fns)
        props["buttons"] = [_button_config(b) for b in self.buttons]
        return props

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """gr.update(size=40) / gr.HTML(size=40): keywords HTML does not take change that template prop only.

        The page merges `props` into the ones it has (as Gradio does), so the other props keep their values.
        """
        known = set(inspect.signature(HTML.__init__).parameters) - {"self", "props"}
        changed = dict(props.get("props") or {}) if isinstance(props.get("props"), dict) else {}
        changed.update({k: v for k, v in props.items() if k not in known and k != "props"})
        kept = {k: v for k, v in props.items() if k in known}
        if "buttons" in kept:
            kept["buttons"] = [_button_config(b) for b in kept["buttons"] or []]
        return {**kept, "props": changed} if changed else kept

    # ---- values ----
    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        # Any JSON value: a plain HTML shows a string; a template reads lists, numbers, dicts.
        _warn_if_script(value)
        return value

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def api_example(self) -> Any:
        return "<p>Hello</p>"

    @classmethod
    def get_block_name(cls) -> str:
        return "html"


def _button_config(button: Any) -> Any:
    """A corner button as the page draws it: Gradio's CustomButton ({id, value, icon}), or a built-in's name."""
    if isinstance(button, Component):
        icon = getattr(button, "icon", None)
        return {"id": button.id, "value": button.value, "icon": icon}
    return str(button)

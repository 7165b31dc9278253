"""gr.HTML: the app's own HTML — plain, or Gradio 6's html_template/css_template/js_on_load with props."""

from __future__ import annotations

import inspect
from typing import Any

from ..component import Component

# Keyword arguments Component itself takes; anything else given to gr.HTML is a template prop.
_COMPONENT_ARGS = set(inspect.signature(Component.__init__).parameters) - {"self", "value"}


class HTML(Component):
    """Raw HTML (sanitized in the page), or a template filled with `value` and extra props in the page.

    `html_template` is a JS template string (`${value}`, `${props.x}`) plus Handlebars-style
    `{{value}}`, `{{#each}}`, `{{#if}}`; `css_template` is scoped to this component; `js_on_load` runs
    once with `element`, `props` and `trigger` — as in Gradio 6.
    """

    EVENTS = ("change", "input", "click", "submit")
    PROPS = ("html_template", "css_template", "js_on_load", "apply_default_css", "min_height", "max_height",
             "padding", "autoscroll", "template_props")

    def __init__(
        self,
        value: Any = None,
        *,
        html_template: str = "${value}",
        css_template: str = "",
        js_on_load: str | None = None,
        apply_default_css: bool = True,
        min_height: int | None = None,
        max_height: int | None = None,
        padding: bool = False,
        autoscroll: bool = False,
        **kwargs: Any,
    ) -> None:
        self.html_template = html_template
        self.css_template = css_template
        self.js_on_load = js_on_load
        self.apply_default_css = apply_default_css
        self.min_height = min_height
        self.max_height = max_height
        self.padding = padding
        self.autoscroll = autoscroll
        # Gradio 6: extra keyword arguments become props the templates can read (and updates can change).
        self.template_props = {k: kwargs.pop(k) for k in list(kwargs) if k not in _COMPONENT_ARGS}
        kwargs.setdefault("show_label", False)
        kwargs.setdefault("container", False)
        super().__init__(value, **kwargs)

    @property
    def templated(self) -> bool:
        return self.html_template.strip() != "${value}" or bool(self.css_template) or bool(self.js_on_load)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        # A plain gr.HTML shows a string; a templated one may hold any JSON value (a list, a dict, a number).
        return value if self.templated else str(value)

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """gr.update(fontSize=40) on a templated HTML changes that template prop."""
        extra = {k: props[k] for k in props if k not in _COMPONENT_ARGS and k not in self.PROPS and k != "value"}
        if not extra:
            return props
        kept = {k: v for k, v in props.items() if k not in extra}
        return {**kept, "template_props": {**self.template_props, **extra}}

    @classmethod
    def get_block_name(cls) -> str:
        return "html"

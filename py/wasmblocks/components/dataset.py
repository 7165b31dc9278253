"""gr.Dataset: a table (or gallery) of clickable samples; its value is the index of the one clicked."""

from __future__ import annotations

from typing import Any, ClassVar

from ..alerts import Error
from ..component import Component


def _display(component: Any, value: Any) -> Any:
    """A sample as its component would show it (its as_example, as in Gradio, else postprocessed), or as given
    when that fails."""
    if value is None:
        return None
    try:
        return getattr(component, "as_example", component.postprocess)(value)
    except Exception:  # a sample the component cannot show is still listed, as given
        return value


class Dataset(Component):
    """Samples for `components`; `type` says what the function gets: "values", "index" or "tuple"."""

    EVENTS = ("change", "click", "select")
    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "proxy_url": "no effect: it names the Gradio server a gr.load()ed app proxies its files through",
    }
    PROPS = ("components", "component_props", "samples", "headers", "type", "layout", "samples_per_page",
             "sample_labels")

    def __init__(
        self,
        *,
        label: str | None = None,
        show_label: bool = True,
        components: Any = None,
        component_props: list[dict[str, Any]] | None = None,
        samples: list[list[Any]] | None = None,
        headers: list[str] | None = None,
        type: str = "values",  # noqa: A002 - Gradio's parameter name
        layout: str | None = None,
        samples_per_page: int = 10,
        proxy_url: str | None = None,
        sample_labels: list[str] | None = None,
        min_width: int = 160,
        **kwargs: Any,
    ) -> None:
        if type not in ("values", "index", "tuple"):
            raise ValueError(f"Dataset type must be 'values', 'index' or 'tuple', not {type!r}")
        self._components = list(components or [])
        self.raw_samples = [list(s) if isinstance(s, (list, tuple)) else [s] for s in (samples or [])]
        self.components = [c.get_block_name() for c in self._components]
        self.component_props = component_props or [self._props_of(c) for c in self._components]
        self.samples = self._display_samples(self.raw_samples)
        self.headers = headers if headers is not None else [getattr(c, "label", None) or "" for c in self._components]
        self.type = type
        self.layout = layout
        self.samples_per_page = samples_per_page
        self.sample_labels = sample_labels
        self.proxy_url = proxy_url
        kwargs.setdefault("container", True)
        super().__init__(None, label=label, show_label=show_label, min_width=min_width, **kwargs)

    @staticmethod
    def _props_of(component: Any) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for name in ("choices", "language", "include_time"):
            if hasattr(component, name):
                props[name] = getattr(component, name)
        return props

    def _display_samples(self, samples: list[list[Any]]) -> list[list[Any]]:
        if not self._components:
            return samples
        return [[_display(c, v) for c, v in zip(self._components, row)] for row in samples]

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        if isinstance(payload, bool) or not isinstance(payload, int) or not 0 <= payload < len(self.raw_samples):
            raise Error(f"{self.display_name()}: no sample number {payload!r} (there are {len(self.raw_samples)})")
        if self.type == "index":
            return payload
        sample = self.raw_samples[payload]
        return (payload, sample) if self.type == "tuple" else sample

    def postprocess(self, value: Any) -> int | None:
        """The index to mark as selected (an index, or a sample that is one of the samples)."""
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        if isinstance(value, (list, tuple)) and list(value) in getattr(self, "raw_samples", []):
            return self.raw_samples.index(list(value))
        raise Error(f"{self.display_name()} expects a sample index, got {value!r}")

    def process_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """New samples (gr.Dataset(samples=…) or gr.update(samples=…)) are shown the way the first ones were."""
        if "samples" in props:
            rows = [list(s) if isinstance(s, (list, tuple)) else [s] for s in props["samples"] or []]
            props = {**props, "samples": self._display_samples(rows), "raw_samples": rows}
        return props

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props.pop("raw_samples", None)
        return props

    def api_example(self) -> int:
        return 0

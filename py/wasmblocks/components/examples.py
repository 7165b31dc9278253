"""gr.Examples: a Dataset of sample inputs; clicking one fills the inputs (and runs fn with run_on_click)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from ..updates import skip
from .dataset import Dataset


def _rows(examples: Any, n_inputs: int) -> list[list[Any]]:
    """Examples as one list per example, whatever shape they were given in."""
    if isinstance(examples, str):
        raise ValueError(
            "gr.Examples(examples=<directory>) is not supported in the browser: pass the examples as a list"
        )
    rows = []
    for example in examples or []:
        if n_inputs == 1 and not isinstance(example, (list, tuple)):
            rows.append([example])
        else:
            rows.append(list(example) if isinstance(example, (list, tuple)) else [example])
    return rows


class Examples:
    """Not a component itself: it renders a Dataset (`.dataset`) and wires its click."""

    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "cache_examples": "differs: nothing is computed ahead (no server to cache on); a cached example runs its "
                          "function when clicked, which shows the same result",
    }

    def __init__(
        self,
        examples: Any,
        inputs: Any,
        outputs: Any = None,
        fn: Callable[..., Any] | None = None,
        cache_examples: bool | str | None = None,
        examples_per_page: int = 10,
        _api_mode: bool = False,
        label: str | None = "Examples",
        elem_id: str | None = None,
        run_on_click: bool = False,
        preprocess: bool = True,
        postprocess: bool = True,
        api_name: str | bool = "load_example",
        batch: bool = False,
        *,
        example_labels: list[str] | None = None,
        visible: bool | str = True,
        preload: int | bool = False,
        **_ignored: Any,
    ) -> None:
        self.inputs = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
        self.outputs = (
            list(outputs) if isinstance(outputs, (list, tuple)) else ([outputs] if outputs is not None else [])
        )
        self.examples = _rows(examples, len(self.inputs))
        self.fn = fn
        # No server to cache on: a cached example is computed when clicked, which shows the same result.
        self.cache_examples = bool(cache_examples)
        self.run_on_click = run_on_click or (self.cache_examples and fn is not None)
        self.dataset = Dataset(
            label=label,
            components=self.inputs,
            samples=self.examples,
            type="index",
            samples_per_page=examples_per_page,
            sample_labels=example_labels,
            elem_id=elem_id,
            visible=visible,
        )
        n = len(self.inputs)

        def load_example(index: int) -> Any:
            values = [value if value is not None else skip() for value in (self.examples[index] + [None] * n)[:n]]
            return values[0] if n == 1 else tuple(values)

        load = self.dataset.click(
            load_example, inputs=[self.dataset], outputs=self.inputs,
            show_progress="hidden", queue=False, api_name=False,
        )
        if self.run_on_click and fn is not None:
            load.then(fn, inputs=self.inputs, outputs=self.outputs, preprocess=preprocess,
                      postprocess=postprocess, batch=batch, api_name=False)

    def render(self) -> Examples:
        self.dataset.render()
        return self

"""gr.Examples: a Dataset of sample inputs; clicking one fills the inputs (and runs fn with run_on_click)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

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


def visible_column_indices(visible_columns: list[int] | None, n_inputs: int) -> list[int]:
    """Gradio's visible_columns checked: the input columns the table shows, in input order (None: all)."""
    if visible_columns is None:
        return list(range(n_inputs))
    if not visible_columns:
        raise ValueError("gr.Examples visible_columns must contain at least one column index")
    if any(isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < n_inputs for i in visible_columns):
        raise ValueError(f"Each index in gr.Examples visible_columns must name one of the {n_inputs} inputs "
                         f"(0 to {n_inputs - 1}), not {visible_columns!r}")
    return sorted(set(visible_columns))


class Examples:
    """Not a component itself: it renders a Dataset (`.dataset`) and wires its click."""

    BROWSER_NOTES: ClassVar[dict[str, str]] = {
        "cache_examples": "differs: nothing is computed ahead (no server to cache on); a cached example runs its "
                          "function when clicked, which shows the same result",
        "cache_mode": "differs: 'eager' and 'lazy' both compute an example when it is clicked (no server to cache "
                      "on); with 'eager', preload still shows the preloaded example's result at load",
    }

    def __init__(
        self,
        examples: Any,
        inputs: Any,
        outputs: Any = None,
        fn: Callable[..., Any] | None = None,
        cache_examples: bool | str | None = None,
        cache_mode: str | None = None,
        examples_per_page: int = 10,
        _api_mode: bool = False,
        label: str | None = None,
        elem_id: str | None = None,
        run_on_click: bool = False,
        preprocess: bool = True,
        postprocess: bool = True,
        api_visibility: str = "undocumented",
        api_name: str | Literal[False] | None = "load_example",
        api_description: str | Literal[False] | None = None,
        batch: bool = False,
        *,
        example_labels: list[str] | None = None,
        visible_columns: list[int] | None = None,
        visible: bool | str = True,
        preload: int | Literal[False] = 0,
    ) -> None:
        if cache_mode not in (None, "eager", "lazy"):
            raise ValueError(f"gr.Examples cache_mode must be 'eager', 'lazy' or None, not {cache_mode!r}")
        self.inputs = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
        self.outputs = (
            list(outputs) if isinstance(outputs, (list, tuple)) else ([outputs] if outputs is not None else [])
        )
        self.examples = _rows(examples, len(self.inputs))
        if example_labels is not None and len(example_labels) != len(self.examples):
            raise ValueError(f"gr.Examples got {len(example_labels)} example_labels for {len(self.examples)} examples")
        self.fn = fn
        # No server to cache on: a cached example is computed when clicked, which shows the same result.
        self.cache_examples = bool(cache_examples)
        self.cache_mode = "lazy" if cache_examples == "lazy" else cache_mode or "eager"
        self.run_on_click = run_on_click or (self.cache_examples and fn is not None)
        self.preload = preload
        n = len(self.inputs)
        # visible_columns: the table shows these inputs only; a click still fills every input (Gradio 6).
        self.visible_columns = visible_column_indices(visible_columns, n)
        shown = self.visible_columns
        self.dataset = Dataset(
            label=label,
            components=[self.inputs[i] for i in shown],
            samples=[[(row + [None] * n)[i] for i in shown] for row in self.examples],
            type="index",
            samples_per_page=examples_per_page,
            sample_labels=example_labels,
            elem_id=elem_id,
            visible=visible,
        )

        def load_example(index: int) -> Any:
            values = [value if value is not None else skip() for value in (self.examples[index] + [None] * n)[:n]]
            return values[0] if n == 1 else tuple(values)

        self.load_input_event = self.dataset.click(
            load_example, inputs=[self.dataset], outputs=self.inputs, show_progress="hidden", queue=False,
            api_name=api_name, api_description=api_description, api_visibility=api_visibility,
        )
        # Gradio's name for the click chain that shows a cached example's result (Interface's deep link waits on it).
        self.cache_event: Any = None
        if self.run_on_click and fn is not None:
            run = self.load_input_event.then(fn, inputs=self.inputs, outputs=self.outputs, preprocess=preprocess,
                                       postprocess=postprocess, batch=batch, api_visibility="undocumented")
            if self.cache_examples:
                self.cache_event = run
        self._attach_preload(load_example)

    def _attach_preload(self, load_example: Callable[[int], Any]) -> None:
        """Gradio's preload: with eagerly cached examples and no input given a value by the app, the page
        opens showing that example and its result."""
        root = self.dataset.root
        if (root is None or not self.cache_examples or self.cache_mode == "lazy" or self.fn is None
                or isinstance(self.preload, bool) or not isinstance(self.preload, int)
                or not 0 <= self.preload < len(self.examples)
                or any("value" in getattr(c, "_explicit_args", {}) or getattr(c, "load_fn", None) is not None
                       for c in self.inputs)):
            return
        index = self.preload
        quiet: dict[str, Any] = {"queue": False, "show_progress": "hidden", "api_visibility": "undocumented"}
        shown = root.load(lambda: load_example(index), None, self.inputs if len(self.inputs) != 1 else self.inputs[0],
                          **quiet)
        shown.then(self.fn, self.inputs, self.outputs, show_progress="hidden", api_visibility="undocumented")

    def render(self) -> Examples:
        self.dataset.render()
        return self

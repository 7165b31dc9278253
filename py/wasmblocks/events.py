"""Event listeners: `btn.click(fn, inputs, outputs)`, `gr.on(...)`, and `.then/.success/.failure` chains."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Literal

from .context import Context

if TYPE_CHECKING:
    from .block import Block
    from .blocks import Blocks

# Gradio's sentinel: `btn.click(inputs=…)` with no fn is the decorator form; fn=None means "js only".
DECORATOR = "decorator"
DEFAULT_LIMIT = "default"
# Gradio's defaults: change-like events keep only the latest pending run.
ALWAYS_LAST_EVENTS = {"change", "key_up", "input"}


@dataclass
class EventData:
    """What the page says about the event that fired (injected into parameters annotated gr.EventData)."""

    target: Any
    _data: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        data = self.__dict__.get("_data") or {}
        if name in data:
            return data[name]
        raise AttributeError(name)


class IndexedEventData(EventData):
    """Event data that points at one item of a component: its index and value."""

    @property
    def index(self) -> Any:
        return self._data.get("index")

    @property
    def value(self) -> Any:
        return self._data.get("value")


class SelectData(IndexedEventData):
    """Data of a `.select` event: index, value, selected."""

    @property
    def selected(self) -> bool:
        return bool(self._data.get("selected", True))


class KeyUpData(EventData):
    """Data of a Dropdown `.key_up` event: the key pressed and the text typed so far."""

    @property
    def key(self) -> str:
        return str(self._data.get("key", ""))

    @property
    def input_value(self) -> str:
        return str(self._data.get("input_value", ""))


class CopyData(EventData):
    """Data of a `.copy` event: the text that was copied."""

    @property
    def value(self) -> Any:
        return self._data.get("value")


def _as_list(blocks: Any) -> tuple[list[Any], bool]:
    """Inputs/outputs as a list, and whether they were given as a set/dict (dict-style returns)."""
    if blocks is None:
        return [], False
    if isinstance(blocks, (set, dict)):
        return list(blocks), True
    if isinstance(blocks, (list, tuple)):
        return list(blocks), False
    return [blocks], False


@dataclass
class BlockFunction:
    """One dependency: a function wired to triggers, inputs and outputs."""

    id: int
    fn: Callable[..., Any] | None
    targets: list[tuple[int, str]]
    inputs: list[Any]
    outputs: list[Any]
    inputs_as_dict: bool = False
    js: str | None = None
    api_name: str | None = None
    show_progress: str = "full"
    show_progress_on: list[Any] | None = None
    queue: bool = True
    preprocess: bool = True
    postprocess: bool = True
    concurrency_limit: int | None | str = DEFAULT_LIMIT
    concurrency_id: str | None = None
    trigger_mode: str = "once"
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

    @property
    def is_generator(self) -> bool:
        fn = self.fn
        return inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)

    def config(self) -> dict[str, Any]:
        """The page's view of this dependency (protocol.Dependency)."""
        return {
            "id": self.id,
            "targets": [list(t) for t in self.targets],
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
            "scroll_to_output": self.scroll_to_output,
            "show_progress_on": [b.id for b in self.show_progress_on] if self.show_progress_on else None,
            "every": self.every,
            "types": {"generator": self.is_generator, "cancel": self.is_cancel_function},
        }


class Dependency(dict):
    """What a listener returns: chain more with .then/.success/.failure, or pass it to cancels=."""

    def __init__(self, root: Blocks, fn: BlockFunction) -> None:
        super().__init__(id=fn.id)
        self.root = root
        self.fn = fn

    @property
    def id(self) -> int:
        return self.fn.id

    def _chain(self, fn: Any, inputs: Any, outputs: Any, *, success: bool, failure: bool, **kwargs: Any) -> Any:
        return listen(
            self.root,
            [],
            fn,
            inputs,
            outputs,
            trigger_after=self.fn.id,
            trigger_only_on_success=success,
            trigger_only_on_failure=failure,
            **kwargs,
        )

    def then(self, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        """Run next whatever happened."""
        return self._chain(fn, inputs, outputs, success=False, failure=False, **kwargs)

    def success(self, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        """Run next only if this one finished without an error."""
        return self._chain(fn, inputs, outputs, success=True, failure=False, **kwargs)

    def failure(self, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        """Run next only if this one raised."""
        return self._chain(fn, inputs, outputs, success=False, failure=True, **kwargs)


def _cancel_ids(cancels: Any) -> list[int]:
    if cancels is None:
        return []
    items = cancels if isinstance(cancels, (list, tuple, set)) else [cancels]
    ids = []
    for item in items:
        if isinstance(item, Dependency):
            ids.append(item.id)
        elif isinstance(item, dict) and "id" in item:
            ids.append(int(item["id"]))
        else:
            raise TypeError(f"cancels= takes the values that event listeners return, not {item!r}")
    return ids


def listen(
    root: Blocks | None,
    targets: list[tuple[Block, str]],
    fn: Any = DECORATOR,
    inputs: Any = None,
    outputs: Any = None,
    *,
    api_name: str | None | Literal[False] = None,
    show_progress: str = "full",
    show_progress_on: Any = None,
    queue: bool = True,
    batch: bool = False,
    max_batch_size: int = 4,
    preprocess: bool = True,
    postprocess: bool = True,
    cancels: Any = None,
    every: float | None = None,
    trigger_mode: str | None = None,
    js: str | None = None,
    concurrency_limit: int | None | str = DEFAULT_LIMIT,
    concurrency_id: str | None = None,
    time_limit: float | None = None,
    stream_every: float = 0.5,
    scroll_to_output: bool = False,
    trigger_after: int | None = None,
    trigger_only_on_success: bool = False,
    trigger_only_on_failure: bool = False,
    show_api: bool = True,
    key: Any = None,
    **_ignored: Any,
) -> Any:
    """Register a dependency on the app being defined; the core of every event method."""
    kwargs = dict(locals())
    del kwargs["root"], kwargs["targets"], kwargs["fn"], kwargs["_ignored"]
    if fn == DECORATOR:
        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            listen(root, targets, func, **kwargs)
            return func
        return decorator
    root = root or Context.root_block
    if root is None:
        raise RuntimeError("Event listeners must be attached inside a `with gr.Blocks():` block")
    input_list, inputs_as_dict = _as_list(inputs)
    output_list, _ = _as_list(outputs)
    if trigger_mode is None:
        names = {name for _, name in targets}
        trigger_mode = "always_last" if names and names <= ALWAYS_LAST_EVENTS else "once"
    if api_name is None and fn is not None and hasattr(fn, "__name__") and fn.__name__ != "<lambda>":
        api_name = fn.__name__
    block_fn = BlockFunction(
        id=len(root.fns),
        fn=fn,
        targets=[(block.id, name) for block, name in targets],
        inputs=input_list,
        outputs=output_list,
        inputs_as_dict=inputs_as_dict,
        js=js,
        api_name=api_name or None,
        show_progress=show_progress,
        show_progress_on=_as_list(show_progress_on)[0] or None,
        queue=queue,
        preprocess=preprocess,
        postprocess=postprocess,
        concurrency_limit=concurrency_limit,
        concurrency_id=concurrency_id,
        trigger_mode=trigger_mode,
        trigger_after=trigger_after,
        trigger_only_on_success=trigger_only_on_success,
        trigger_only_on_failure=trigger_only_on_failure,
        cancels=_cancel_ids(cancels),
        every=every,
        time_limit=time_limit,
        stream_every=stream_every,
        scroll_to_output=scroll_to_output,
        batch=batch,
        max_batch_size=max_batch_size,
    )
    root.fns[block_fn.id] = block_fn
    return Dependency(root, block_fn)


def make_listener(event_name: str) -> Callable[..., Any]:
    """An event method such as `Button.click`, bound to its component when accessed."""

    def listener(self: Block, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        return listen(self.root, [(self, event_name)], fn, inputs, outputs, **kwargs)

    listener.__name__ = event_name
    listener.event_name = event_name  # type: ignore[attr-defined]
    listener.__doc__ = f"Run fn when the {event_name} event fires."
    return listener


def on(
    triggers: Any = None,
    fn: Any = DECORATOR,
    inputs: Any = None,
    outputs: Any = None,
    **kwargs: Any,
) -> Any:
    """`gr.on`: one function for several triggers; triggers=None means load plus any input's change."""
    root = Context.root_block
    pairs: list[tuple[Any, str]] = []
    if triggers is None:
        if root is not None:
            pairs.append((root, "load"))
        for block in _as_list(inputs)[0]:
            if "change" in getattr(block, "EVENTS", ()):
                pairs.append((block, "change"))
    else:
        items = triggers if isinstance(triggers, (list, tuple)) else [triggers]
        for trigger in items:
            block = getattr(trigger, "__self__", None)
            name = getattr(getattr(trigger, "__func__", None), "event_name", None)
            if block is None or name is None:
                raise TypeError(f"gr.on triggers are event methods such as btn.click, not {trigger!r}")
            pairs.append((block, name))
        if root is None and pairs:
            root = pairs[0][0].root
    return listen(root, pairs, fn, inputs, outputs, **kwargs)

"""Declaring listeners: `btn.click(fn, inputs, outputs)`, `gr.on(…)`, and `.then/.success/.failure` chains.

This is part of the app's tree (what `with gr.Blocks()` builds), not of the engine that runs events: it
only records BlockFunctions on the root Blocks. Which of them run when is the page's business
(web/src/client/events.ts; its Python twin is events.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal, get_args

from . import protocol
from .block_function import DEFAULT_LIMIT, BlockFunction
from .context import current_root
from .types import AppRoot, BlockRef

# Gradio's sentinel: `btn.click(inputs=…)` with no fn is the decorator form; fn=None means "js only".
DECORATOR = "decorator"
# Gradio's defaults: change-like events keep only the latest pending run.
ALWAYS_LAST_EVENTS = {"change", "key_up", "input"}

# While a @gr.render function runs, the listeners it declares go to its own table, not the app's (render.py).
# A context variable, so two renders running at once (two asyncio tasks) each collect their own.
_collecting: ContextVar[tuple[dict[int, BlockFunction], dict[int, BlockFunction]] | None] = ContextVar(
    "wasmblocks_collecting", default=None
)


def dependency_table(root: AppRoot) -> dict[int, BlockFunction]:
    """Where a listener declared on `root` goes now: its fns, or the table of the render running in this task."""
    active = _collecting.get()
    if active is not None and active[0] is root.fns:
        return active[1]
    return root.fns


@contextmanager
def collecting_into(root: AppRoot, table: dict[int, BlockFunction]) -> Iterator[None]:
    """Send the listeners declared on `root` (in this task) to `table` instead of the app."""
    token = _collecting.set((root.fns, table))
    try:
        yield
    finally:
        _collecting.reset(token)


def allocate_ids(table: dict[int, BlockFunction], count: int) -> list[int]:
    """Ids for `count` new dependencies of `table`: the app's count up from 0; a render's table hands out its own."""
    allocate = getattr(table, "allocate_id", None)
    if allocate is not None:
        return [allocate() for _ in range(count)]
    return list(range(len(table), len(table) + count))


def as_list(blocks: Any) -> tuple[list[Any], bool]:
    """Inputs/outputs as a list, and whether they were given as a set/dict (dict-style returns)."""
    if blocks is None:
        return [], False
    if isinstance(blocks, (set, dict)):
        return list(blocks), True
    if isinstance(blocks, (list, tuple)):
        return list(blocks), False
    return [blocks], False


class Dependency(dict[str, int]):  # Gradio's Dependency is a dict ({"id": …}) too
    """What a listener returns: chain more with .then/.success/.failure, or pass it to cancels=."""

    def __init__(self, root: AppRoot, fn: BlockFunction) -> None:
        super().__init__(id=fn.id)
        self.root = root
        self.fn = fn

    @property
    def id(self) -> int:
        return self.fn.id

    def _chain(self, fn: Any, inputs: Any, outputs: Any, api_name: str | Literal[False] | None, *, success: bool,
               failure: bool, **kwargs: Any) -> Any:
        return listen(self.root, [], fn, inputs, outputs, api_name, trigger_after=self.fn.id,
                      trigger_only_on_success=success, trigger_only_on_failure=failure, **kwargs)

    def then(self, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None,
             api_name: str | Literal[False] | None = None, **kwargs: Any) -> Any:
        """Run next whatever happened."""
        return self._chain(fn, inputs, outputs, api_name, success=False, failure=False, **kwargs)

    def success(self, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None,
                api_name: str | Literal[False] | None = None, **kwargs: Any) -> Any:
        """Run next only if this one finished without an error."""
        return self._chain(fn, inputs, outputs, api_name, success=True, failure=False, **kwargs)

    def failure(self, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None,
                api_name: str | Literal[False] | None = None, **kwargs: Any) -> Any:
        """Run next only if this one raised."""
        return self._chain(fn, inputs, outputs, api_name, success=False, failure=True, **kwargs)


def keyword_inputs(inputs: Any, inputs_as_dict: bool, inputs_kwargs: Any) -> list[str]:
    """The parameter names of inputs_kwargs= (Gradio 6): components whose values go in by keyword."""
    if isinstance(inputs, dict):
        raise ValueError("inputs= cannot be a dict; to pass values by parameter name use inputs_kwargs="
                         "{'name': component}")
    if not inputs_kwargs:
        return []
    if not isinstance(inputs_kwargs, dict):
        raise TypeError(f"inputs_kwargs= takes a dict of parameter name -> component, not {inputs_kwargs!r}")
    if inputs_as_dict:
        raise ValueError("inputs_kwargs= cannot be used when inputs= is a set")
    bad = [name for name, block in inputs_kwargs.items() if not hasattr(block, "get_block_name")]
    if bad:
        raise ValueError(f"All values in inputs_kwargs= must be Gradio components or layouts; not {bad}")
    return list(inputs_kwargs)


def unique_api_name(name: str, taken: Sequence[BlockFunction]) -> str:
    """Gradio's append_unique_suffix: a second "greet" endpoint is "greet_1", a third "greet_2"."""
    names = {fn.api_name for fn in taken}
    if name not in names:
        return name
    suffix = 1
    while f"{name}_{suffix}" in names:
        suffix += 1
    return f"{name}_{suffix}"


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


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> Any:
    """value, checked against Gradio's Literal choices (the page knows no others)."""
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {', '.join(map(repr, allowed))}")
    return value


def listen(
    root: AppRoot | None,
    targets: Sequence[tuple[BlockRef, str]],
    fn: Any = DECORATOR,
    inputs: Any = None,
    outputs: Any = None,
    api_name: str | Literal[False] | None = None,
    *,
    api_description: str | Literal[False] | None = None,
    api_visibility: str = "public",
    inputs_kwargs: dict[str, Any] | None = None,
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
    concurrency_limit: int | str | None = DEFAULT_LIMIT,
    concurrency_id: str | None = None,
    time_limit: float | None = None,
    stream_every: float = 0.5,
    scroll_to_output: bool = False,
    trigger_after: int | None = None,
    trigger_only_on_success: bool = False,
    trigger_only_on_failure: bool = False,
    show_api: bool = True,
    key: Any = None,
    validator: Callable[..., Any] | None = None,
) -> Any:
    """Register a dependency on the app being defined; the core of every event method.

    show_api=False is Gradio 4/5's spelling of api_visibility="undocumented".
    """
    kwargs = dict(locals())
    del kwargs["root"], kwargs["targets"], kwargs["fn"]
    if fn == DECORATOR:
        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            listen(root, targets, func, **kwargs)
            return func
        return decorator
    root = root or current_root()
    if root is None:
        raise RuntimeError("Event listeners must be attached inside a `with gr.Blocks():` block")
    input_list, inputs_as_dict = as_list(inputs)
    keyword_names = keyword_inputs(inputs, inputs_as_dict, inputs_kwargs)
    input_list += [inputs_kwargs[name] for name in keyword_names] if inputs_kwargs else []
    output_list, _ = as_list(outputs)
    visibility = _choice("api_visibility", api_visibility, get_args(protocol.ApiVisibility))
    if not show_api and visibility == "public":
        visibility = "undocumented"
    if fn is None or api_name is False:
        visibility = "private"  # Gradio: no Python function (js only), or api_name=False
    if trigger_mode is None:
        names = {name for _, name in targets}
        trigger_mode = "always_last" if names and names <= ALWAYS_LAST_EVENTS else "once"
    if api_name is None and fn is not None and hasattr(fn, "__name__") and fn.__name__ != "<lambda>":
        api_name = fn.__name__
    for block, name in targets:
        if name == "change" and getattr(block, "STATEFUL", False):
            block.change_listened = True  # type: ignore[attr-defined]
        if name == "stream" and hasattr(block, "streaming"):
            # Gradio's stream listener turns streaming on for the block it listens to, then checks it can.
            block.streaming = True
            if hasattr(block, "check_streamable"):
                block.check_streamable()
    if not isinstance(stream_every, (int, float)) or isinstance(stream_every, bool) or stream_every <= 0:
        raise ValueError(f"stream_every must be a positive number of seconds, not {stream_every!r}")
    table = dependency_table(root)
    if api_name:
        others = [*root.fns.values(), *(table.values() if table is not root.fns else [])]
        api_name = unique_api_name(str(api_name), others)
    block_fn = BlockFunction(
        id=allocate_ids(table, 1)[0],
        fn=fn,
        targets=[(block.id, name) for block, name in targets],
        inputs=input_list,
        outputs=output_list,
        inputs_as_dict=inputs_as_dict,
        js=js,
        api_name=api_name or None,
        show_progress=_choice("show_progress", show_progress, get_args(protocol.ShowProgress)),
        show_progress_on=as_list(show_progress_on)[0] or None,
        queue=queue,
        preprocess=preprocess,
        postprocess=postprocess,
        concurrency_limit=concurrency_limit,
        concurrency_id=concurrency_id,
        trigger_mode=_choice("trigger_mode", trigger_mode, get_args(protocol.TriggerMode)),
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
        api_visibility=visibility,
        api_description=api_description,
        input_keyword_names=keyword_names,
        validator=validator,
    )
    table[block_fn.id] = block_fn
    return Dependency(root, block_fn)


def make_listener(event_name: str) -> Callable[..., Any]:
    """An event method such as `Button.click`, bound to its block when accessed (Block installs one per EVENTS name)."""

    def listener(self: BlockRef, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None,
                 api_name: str | Literal[False] | None = None, **kwargs: Any) -> Any:
        return listen(self.root, [(self, event_name)], fn, inputs, outputs, api_name, **kwargs)

    listener.__name__ = event_name
    listener.event_name = event_name  # type: ignore[attr-defined]
    listener.__doc__ = f"Run fn when the {event_name} event fires."
    return listener


def trigger_pairs(triggers: Any, who: str) -> list[tuple[Any, str]]:
    """(block, event name) for each event method in `triggers` (btn.click, …); TypeError for anything else."""
    pairs: list[tuple[Any, str]] = []
    for trigger in triggers if isinstance(triggers, (list, tuple)) else [triggers]:
        block = getattr(trigger, "__self__", None)
        name = getattr(getattr(trigger, "__func__", None), "event_name", None)
        if block is None or name is None:
            raise TypeError(f"{who} triggers are event methods such as btn.click, not {trigger!r}")
        pairs.append((block, name))
    return pairs


def on(triggers: Any = None, fn: Any = DECORATOR, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
    """`gr.on`: one function for several triggers; triggers=None means load plus any input's change."""
    root = current_root()
    pairs: list[tuple[Any, str]] = []
    if triggers is None:
        if root is not None:
            pairs.append((root, "load"))
        pairs += [(block, "change") for block in as_list(inputs)[0] if "change" in getattr(block, "EVENTS", ())]
    else:
        pairs = trigger_pairs(triggers, "gr.on")
        if root is None and pairs:
            root = pairs[0][0].root
    return listen(root, pairs, fn, inputs, outputs, **kwargs)

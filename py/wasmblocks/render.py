"""`@gr.render`: a block whose children a function rebuilds, per session, whenever its triggers fire.

The function runs inside the session (on the worker's event loop) under a temporary layout context: the
components it creates become the render block's new children and the listeners it attaches become
*session* dependencies, sent to the page in a `render` message (docs/protocol.md).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import protocol
from .alerts import current_event
from .block import Block
from .block_function import BlockFunction
from .component import Component
from .config import node, resolve_interactive
from .context import current_block, current_root, enter_block, enter_root, reset_block, reset_root
from .layouts.column import Column
from .layouts.row import Row
from .listeners import collecting_into, listen, trigger_pairs
from .session import Request, Session

# Session dependency ids start here, far above the app's own (0, 1, 2, … in creation order), so the page
# and the worker can hold both in one id space.
SESSION_DEP_BASE = 1_000_000


class _SessionFns(dict[int, BlockFunction]):
    """Collects the listeners one run of a render function attaches.

    Their ids come from the session's one counter (listeners.allocate_ids calls allocate_id), so every
    dependency created in a render is unique from the start, even while another render of the same session
    runs: `.then` chains and `cancels=` that mix app and render dependencies need no renumbering.
    """

    def __init__(self, renders: SessionRenders) -> None:
        super().__init__()
        self.renders = renders

    def allocate_id(self) -> int:
        dep_id = self.renders.next_id
        self.renders.next_id += 1
        return dep_id


@dataclass
class RenderedState:
    """What the last run of one render block left in one session."""

    fn_ids: list[int] = field(default_factory=list)
    block_ids: list[int] = field(default_factory=list)
    key_ids: dict[Any, int] = field(default_factory=dict)


@dataclass
class SessionRenders:
    """The dependencies and blocks render functions created in one session."""

    fns: dict[int, BlockFunction] = field(default_factory=dict)
    blocks: dict[int, Block] = field(default_factory=dict)
    by_render: dict[int, RenderedState] = field(default_factory=dict)
    next_id: int = SESSION_DEP_BASE

    def forget(self, render_id: int) -> list[int]:
        """Drop what render block `render_id` (and any render nested in it) made; returns the dependency ids."""
        state = self.by_render.pop(render_id, None)
        if state is None:
            return []
        removed = list(state.fn_ids)
        for fn_id in state.fn_ids:
            self.fns.pop(fn_id, None)
        for block_id in state.block_ids:
            self.blocks.pop(block_id, None)
            if block_id in self.by_render:
                removed += self.forget(block_id)
        return removed


def session_renders(session: Session) -> SessionRenders:
    if session.renders is None:
        session.renders = SessionRenders()
    return session.renders  # type: ignore[no-any-return]


def session_function(session: Session, dep_id: Any) -> BlockFunction | None:
    """A dependency a render function created in this session, or None."""
    return session.renders.fns.get(dep_id) if session.renders is not None else None


def session_block(session: Session, block_id: Any) -> Block | None:
    return session.renders.blocks.get(block_id) if session.renders is not None else None


def _walk(block: Block) -> list[Block]:
    found = [block]
    for child in getattr(block, "children", []):
        found += _walk(child)
    return found


class _InteractiveView:
    """What config.resolve_interactive reads (fns, blocks()), over the app plus this session's renders."""

    def __init__(self, fns: list[BlockFunction], blocks: dict[int, Block]) -> None:
        self.fns = dict(enumerate(fns))
        self._blocks = blocks

    def blocks(self) -> dict[int, Block]:
        return self._blocks


class Renderable:
    """One `@gr.render` block: its container in the layout and the dependency that re-runs the function."""

    def __init__(
        self, fn: Callable[..., Any], inputs: list[Any], triggers: list[tuple[Block, str]], **listen_kwargs: Any
    ) -> None:
        root = current_root()
        if root is None:
            raise ValueError("@gr.render must be used inside a `with gr.Blocks():` block")
        self.fn = fn
        self.root = root
        self.inputs = inputs
        # Gradio's rule: inside a Row the rendered children sit in a Row, anywhere else in a Column.
        self.container_class: type[Row | Column] = Row if isinstance(current_block(), Row) else Column
        self.container = self.container_class(show_progress=True)
        self.dependency = listen(root, triggers, self._apply, inputs, None, show_progress_on=self.container,
                                 api_name=False, postprocess=False, **listen_kwargs)

    async def _apply(self, *values: Any, request: Request) -> None:
        """Run the user's function for this session and send the page the new subtree."""
        session = request._session
        assert session is not None  # processing hands every event function the page session's Request
        ctx = current_event.get()
        state = session_renders(session)
        previous = state.by_render.get(self.container.id) or RenderedState()
        container = self.container_class(render=False, show_progress=True)
        container._id = self.container.id
        created = _SessionFns(state)
        app_fns = self.root.fns
        # Listeners attached while the function runs (also on components outside the render) land in
        # `created`, not in the app: they belong to this session and this run only. Layout and table are
        # this task's own (context variables), so a render running meanwhile in another task keeps its own.
        block_token, root_token = enter_block(container), enter_root(self.root)
        try:
            with collecting_into(self.root, created):
                result = self.fn(*values)
                if inspect.isawaitable(result):
                    await result
        finally:
            reset_root(root_token)
            reset_block(block_token)
        blocks = _walk(container)[1:]
        key_ids = self._reuse_keyed_ids(blocks, previous, created)
        removed = state.forget(container.id)
        state.fns.update(created)
        state.blocks.update({b.id: b for b in blocks})
        state.by_render[container.id] = RenderedState(list(created), [b.id for b in blocks], key_ids)
        view = _InteractiveView([*app_fns.values(), *state.fns.values()], {b.id: b for b in blocks})
        tree = node(container, resolve_interactive(view))
        # Unkeyed components whose value the constructor left unset keep what the page shows in their place.
        unset = [b.id for b in blocks if isinstance(b, Component) and b.key is None and b.value_unset()]
        if ctx is not None:
            ctx.emit(protocol.render_message(container.id, ctx.event_id, tree, [fn.config() for fn in created.values()],
                                             removed, unset))

    @staticmethod
    def _reuse_keyed_ids(
        blocks: list[Block], previous: RenderedState, created: dict[int, BlockFunction]
    ) -> dict[Any, int]:
        """Give a block with `key=` the id it had in the last run, so the page keeps its value (Gradio's key)."""
        remap: dict[int, int] = {}
        key_ids: dict[Any, int] = {}
        for block in blocks:
            key = getattr(block, "key", None)
            if key is None:
                continue
            old = previous.key_ids.get(key)
            if old is not None:
                remap[block.id] = old
                block._id = old
            key_ids[key] = block.id
        if remap:
            for fn in created.values():
                fn.targets = [(remap.get(block_id, block_id), name) for block_id, name in fn.targets]
        return key_ids


def render(
    inputs: Any = None,
    triggers: Any = None,
    *,
    queue: bool = True,
    trigger_mode: str | None = "always_last",
    concurrency_limit: int | str | None = None,
    concurrency_id: str | None = None,
    show_progress: str = "full",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`@gr.render(inputs=…, triggers=…)`: re-run the function (and rebuild what it creates) on each trigger.

    Default triggers: the page load plus a change of any input.
    """
    root = current_root()
    if root is None:
        raise ValueError("@gr.render must be used inside a `with gr.Blocks():` block")
    if inputs is None:
        input_list: list[Any] = []
    elif isinstance(inputs, (list, tuple, set)):
        input_list = list(inputs)
    else:
        input_list = [inputs]
    pairs: list[tuple[Any, str]] = []
    if triggers is None:
        pairs.append((root, "load"))
        pairs += [(block, "change") for block in input_list if "change" in getattr(block, "EVENTS", ())]
    else:
        pairs = trigger_pairs(triggers, "@gr.render")

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        Renderable(fn, input_list, pairs, queue=queue, trigger_mode=trigger_mode, concurrency_limit=concurrency_limit,
                   concurrency_id=concurrency_id, show_progress=show_progress)
        return fn

    return decorator


"""The app config the page renders: the tree of nodes and the dependencies (protocol.AppConfig)."""

from __future__ import annotations

from typing import Any, Protocol

from .block import Block
from .block_function import BlockFunction
from .blocks import DEFAULT_STOP_NOTICE_AFTER, VERSION, Blocks
from .component import Component
from .protocol import AppConfig, Node
from .themes import theme_css, theme_vars


class AppView(Protocol):
    """What resolve_interactive reads: a Blocks, or the app plus one session's renders (render.py)."""

    fns: dict[int, BlockFunction]

    def blocks(self) -> dict[int, Block]: ...


def has_no_default_value(value: Any) -> bool:
    """Gradio's test (JavaScript falsiness): None, "", 0, False and [] are no value; {} is one."""
    if isinstance(value, (list, tuple)):
        return len(value) == 0
    if isinstance(value, dict):
        return False
    return not value


def resolve_interactive(app: AppView) -> dict[int, bool]:
    """Gradio's determine_interactivity: interactive=True/False wins; otherwise a component is interactive
    when it is some listener's input, or when it is no listener's output and has no value of its own
    (so a trigger that is neither, like Gradio's output Image whose .select is listened to, is read-only)."""
    inputs: set[int] = set()
    outputs: set[int] = set()
    for fn in app.fns.values():
        inputs.update(b.id for b in fn.inputs)
        outputs.update(b.id for b in fn.outputs)
    resolved: dict[int, bool] = {}
    for block_id, block in app.blocks().items():
        if not isinstance(block, Component):
            continue
        if block.interactive is not None:
            resolved[block_id] = bool(block.interactive)
        else:
            resolved[block_id] = block_id in inputs or (
                block_id not in outputs and block.load_fn is None and has_no_default_value(block.value)
            )
    return resolved


def node(block: Block, interactive: dict[int, bool]) -> Node:
    """One block and its children as the page sees them."""
    props = block.get_props()
    if block.id in interactive:
        props["interactive"] = interactive[block.id]
    result: Node = {"id": block.id, "type": block.get_block_name(), "props": props}
    children = getattr(block, "children", None)
    if children is not None:
        result["children"] = [node(child, interactive) for child in children]
    return result


def theme_name(theme: Any) -> str | None:
    if theme is None:
        return None
    return theme if isinstance(theme, str) else type(theme).__name__.lower()


def app_config(app: Blocks) -> AppConfig:
    """Everything the page needs to render `app` and wire its events."""
    interactive = resolve_interactive(app)
    root = node(app, interactive)
    return {
        "title": app.title,
        "fill_height": app.fill_height,
        "fill_width": app.fill_width,
        "css": theme_css(app.theme, app.css),
        "theme": theme_name(app.theme),
        "theme_vars": theme_vars(app.theme),
        "js": app.js,
        "head": app.head,
        "version": VERSION,
        "root": root,
        "dependencies": [fn.config() for fn in app.fns.values()],
        "max_file_size": getattr(app, "max_file_size", None),
        "auth_required": app.auth is not None,
        "auth_message": app.auth_message,
        "footer_links": getattr(app, "footer_links", None),
        "favicon": getattr(app, "favicon", None),
        "stop_notice_after": getattr(app, "stop_notice_after", DEFAULT_STOP_NOTICE_AFTER),
    }
